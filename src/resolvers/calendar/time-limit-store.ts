import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import { TimeLimitRules, type TimeLimitVersion } from '../../kernel/time/time-limits.js';

/** Every version of every catalogue item's time limit: one small query (a few dozen rows). */
export async function readTimeLimitRules(em: EntityManager): Promise<TimeLimitRules> {
  const rows = await run<Record<string, string | number>>(
    em,
    sql`select domain, category, region_code, valid_from::text as valid_from,
            time_limit_amount, time_limit_unit, time_limit_basis
       from catalogue_item`,
    'per-values',
  );
  const versions: TimeLimitVersion[] = rows.map((r) => ({
    domain: String(r.domain),
    category: String(r.category),
    regionCode: String(r.region_code),
    validFrom: String(r.valid_from),
    timeLimit: {
      amount: Number(r.time_limit_amount),
      unit: r.time_limit_unit as 'WORKING_DAYS' | 'CALENDAR_DAYS',
      basis: String(r.time_limit_basis),
    },
  }));
  return new TimeLimitRules(versions);
}
