import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of the layout (.dependency-cruiser.cjs, run by `npm run check`): the real tree breaks none,
 * and each rule reports a deliberate breach of it (tests/fixtures/boundaries/, a small tree that mirrors src/).
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = join(ROOT, 'tests/fixtures/boundaries');

/** Every violation of the project's rules in `base`/src, as `rule: from → to` (paths relative to `base`). */
async function violations(base: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfigFile = join(base, 'tsconfig.json');
  const { output } = await cruise(
    ['src'],
    { ...options, baseDir: base, tsConfig: { fileName: tsConfigFile }, outputType: 'json' },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('import boundaries (.dependency-cruiser.cjs)', () => {
  it('src/ has no import cycle and breaks no boundary', async () => {
    expect(await violations(ROOT)).toEqual([]);
  });

  describe('a deliberate breach of each rule is reported by its name', () => {
    // A copy of the fixture, plus an import of nothing (which the type check would refuse in the fixture itself).
    const copy = mkdtempSync(join(tmpdir(), 'gongkai-boundaries-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(FIXTURE, copy, { recursive: true });
    writeFileSync(join(copy, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: ['src'] }));
    writeFileSync(join(copy, 'src/resolvers/credit/breach-typo.ts'), "export { subjectByCode } from './loader.js';\n");
    const found = violations(copy);

    it.each([
      ['(a) an import cycle', 'no-circular: src/resolvers/requests/request-list.ts → src/resolvers/requests/request-loaders.ts'],
      ['(a) a cycle through a type-only import', 'no-circular: src/resolvers/hub/publishing/index.ts → src/resolvers/hub/publishing/write.ts'],
      ['(b) the kernel importing a module', 'kernel-imports-no-module: src/kernel/breach-module.ts → src/resolvers/credit/loaders.ts'],
      [
        '(c) a department importing another department',
        'department-not-another-department: src/entities/departments/mining/mining-deal.entity.ts → src/entities/departments/land/land-deal.entity.ts',
      ],
      ['(c) a department importing credit', 'department-not-credit: src/entities/departments/mining/mining-deal.entity.ts → src/entities/credit/subject.entity.ts'],
      [
        "(c) a department importing the hub past its published types",
        'department-hub-only-published: src/entities/departments/mining/mining-deal.entity.ts → src/entities/hub/disclosure.entity.ts',
      ],
      ['entities importing resolvers', 'entities-not-resolvers: src/entities/credit/breach-behaviour.ts → src/resolvers/credit/loaders.ts'],
      ['(d) a module importing schema/', 'schema-only-from-composition-roots: src/resolvers/audit/audit.resolver.ts → src/schema/build-schema.ts'],
      ['an import of no file', 'not-to-unresolvable: src/resolvers/credit/breach-typo.ts → ./loader.js'],
    ])('%s', async (_breach, violation) => {
      expect(await found).toContain(violation);
    });

    it('and nothing else: the files inside the rules (published types, kernel, generator, server/cli/app → schema) pass', async () => {
      expect(await found).toHaveLength(9);
    });
  });

  it('runs in npm run check', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.check).toContain('npm run check:deps');
    expect(scripts['check:deps']).toMatch(/^depcruise src --config \.dependency-cruiser\.cjs/);
  });
});
