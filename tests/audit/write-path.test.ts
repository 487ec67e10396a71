import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under src/resolvers, as [path from the repository, text]. */
function resolverFiles(dir = join(import.meta.dirname, '../../src/resolvers')): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return resolverFiles(path);
    return entry.name.endsWith('.ts') ? [[relative(join(import.meta.dirname, '../..'), path), readFileSync(path, 'utf8')]] : [];
  });
}

/**
 * The one write path (resolvers/audit/audited-write.ts) holds only if no mutation goes around it: a bare transaction
 * with its own audit append is how a constraint failure used to reach clients as INTERNAL_SERVER_ERROR.
 */
describe('every write goes through writeAudited', () => {
  const files = resolverFiles();

  it('appends to the audit trail only there (or in the statement that writes a batch of records)', () => {
    const appending = files.filter(([, text]) => /\bappendAudit\(/.test(text)).map(([path]) => path);
    expect(appending.sort()).toEqual(['src/resolvers/audit/audit-log.ts', 'src/resolvers/audit/audited-write.ts']);
  });

  it('has every mutation resolver write through it, and open no transaction of its own', () => {
    const mutations = files.filter(([, text]) => text.includes('@Mutation('));
    expect(mutations.length).toBeGreaterThanOrEqual(9);
    for (const [path, text] of mutations) {
      expect(text, path).not.toMatch(/\.transactional\(/);
      // Tokens are issued and revoked by token-admin.ts, which the CLI shares: it writes through writeAudited.
      expect(/\bwriteAudited\(/.test(text) || text.includes("from './token-admin.js'"), path).toBe(true);
    }
    const [, admin] = files.find(([path]) => path.endsWith('access/token-admin.ts'))!;
    expect(admin).toMatch(/\bwriteAudited\(/);
    expect(admin).not.toMatch(/\.transactional\(/);
  });
});
