import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Vite's default esbuild transform drops decorator metadata (design:type),
// which type-graphql and MikroORM read; SWC emits it.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  // SWC (above) does the TypeScript transform; Vite's own (Oxc) would drop the metadata.
  oxc: false,
  // graphql ships CommonJS and .mjs copies; Node (and so type-graphql and Apollo)
  // loads the CommonJS one, and two copies refuse each other's types ("another
  // module or realm"). Point our own imports at that same copy.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    // Names the run's template databases (tests/helpers/database.ts) and drops them at the end.
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    // Vitest's default is one file fewer than there are cores: one at a time on a 2-core machine, where a file
    // spends much of its time waiting on PostgreSQL or on a server it spawned. One file per core (two at least)
    // keeps the cores busy; measured on 2 cores, a third file made the run no shorter (it is CPU-bound there:
    // the files, PostgreSQL and the servers they start share the cores) and stretched the tests that time
    // something (a 429 window, a 15 s exit, a worker replaced under load). VITEST_MAX_WORKERS or --maxWorkers
    // still choose.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
