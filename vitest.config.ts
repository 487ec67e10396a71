import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
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
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
