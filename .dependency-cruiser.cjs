/**
 * The boundaries of the layout (issue #20), checked by dependency-cruiser in `npm run check` (`npm run check:deps`)
 * and by tests/lint/boundaries.test.ts, which also shows each rule failing on a deliberate breach
 * (tests/fixtures/boundaries/). Paths are relative to the repository root (the fixture test cruises from its own
 * root, which mirrors src/). Every rule is an error: a breach fails the check, it is not a warning to read past.
 *
 * Imports are read as TypeScript writes them (`./x.js` is `./x.ts`, through tsconfig.json), type-only imports
 * included (tsPreCompilationDeps): a type is a dependency of the design even when it is erased from the output.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** A department's own folders: entities/departments/<domain>/ and resolvers/departments/<domain>/ ($2 is the domain). */
const DEPARTMENT = '^src/(entities|resolvers)/departments/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycle, type-only imports included. A cycle makes the order in which modules run decide what they ' +
        'see (a decorator registered or not yet, a binding still undefined), and it means neither file can be read, ' +
        'moved to a subgraph or tested without the other. A type-only cycle is a design cycle all the same: a contract ' +
        'that its own implementations import back is one module, not two; put the types in a file that imports none of them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-imports-no-module',
      comment:
        'kernel/ is what every module shares (scalars, node ids, connections, context, errors, the sql runner, ' +
        'working-day time): it imports only itself and packages, and logger.ts/config.ts, which are not modules. ' +
        'A kernel file that needs a module belongs in that module.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: ['^src/kernel/', '^src/logger\\.ts$', '^src/config\\.ts$'] },
    },
    {
      name: 'entities-not-resolvers',
      comment:
        "entities/ are a module's tables and types; resolvers/ its behaviour over them (resolvers, loaders, SQL). " +
        'Types that import behaviour cannot be served, or read, without it: the arrow runs one way, resolvers to entities.',
      severity: 'error',
      from: { path: '^src/entities/' },
      to: { path: '^src/resolvers/' },
    },
    {
      name: 'schema-only-from-composition-roots',
      comment:
        'schema/ composes the graph from every module, so a module that imports it imports every other module ' +
        '(and a cycle through itself). Only the processes that serve or use the composed graph import it: ' +
        'server/, cli/, and app.ts, which wires the server. A module that needs something the composed schema ' +
        'has gets it handed in, or builds it from its own classes.',
      severity: 'error',
      from: { pathNot: ['^src/schema/', '^src/server/', '^src/cli/', '^src/app\\.ts$'] },
      to: { path: '^src/schema/' },
    },
    {
      name: 'department-not-another-department',
      comment:
        'Each department is served as its own subgraph next (federation): it may not reach into another ' +
        "department's entities or resolvers. What two departments share goes to kernel/, the generator engine, or " +
        "the hub's published types.",
      severity: 'error',
      from: { path: DEPARTMENT },
      to: { path: '^src/(entities|resolvers)/departments/', pathNot: '^src/(entities|resolvers)/departments/$2/' },
    },
    {
      name: 'department-not-credit',
      comment:
        'Credit (market subjects, their ratings and records) is a module of its own and its own subgraph: a department ' +
        'names a subject by its credit code and resolves nothing inside credit/. A department that shows a subject ' +
        'takes its type through the published types.',
      severity: 'error',
      from: { path: DEPARTMENT },
      to: { path: '^src/(entities|resolvers)/credit/' },
    },
    {
      name: 'department-hub-only-published',
      comment:
        "A department takes only the hub's published types (what its details classes implement, register and name: " +
        'Disclosure, defineCategories, PartyRole, the Subject type; and for its resolvers, the loader of a subject by ' +
        'credit code): from the hub it imports src/entities/hub/published.ts and src/resolvers/hub/published.ts and ' +
        'nothing else, so the hub can change its tables, loaders and write path ' +
        'without touching a department. (kernel/ and the generator engine, src/generator/, stay open to departments.)',
      severity: 'error',
      from: { path: DEPARTMENT },
      to: { path: '^src/(entities|resolvers)/hub/', pathNot: '^src/(entities|resolvers)/hub/published\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that resolves to no file is a typo or a missing package; it would also hide from the rules above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count (see no-circular).
    tsPreCompilationDeps: true,
    // NodeNext resolution: `import './x.js'` is ./x.ts.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
