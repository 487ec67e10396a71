import { Migration } from '@mikro-orm/migrations';

/**
 * A change to a token (revoked, expiry moved, deleted) is announced on the
 * `gongkai_api_token` channel when it commits, whoever makes it (the CLI, a
 * mutation, plain SQL). Each server process listening there drops the tokens it
 * remembers (src/resolvers/access/token-cache.ts), so a revocation holds at once in every
 * process while none of them looks a token up on every request.
 */
export class Migration20261128074000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function gk_api_token_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('gongkai_api_token', coalesce(new.id, old.id)::text);
        return null;
      end $$;`);
    this.addSql(`create trigger api_token_changed after update or delete on "api_token"
      for each row execute function gk_api_token_changed();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger api_token_changed on "api_token";`);
    this.addSql(`drop function gk_api_token_changed();`);
  }
}
