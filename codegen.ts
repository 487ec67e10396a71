import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen` builds first, then loads the schema from the compiled
// module: type-graphql needs decorator metadata, which only our build emits.
const config: CodegenConfig = {
  schema: './dist/schema/codegen-entry.js',
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      // Sorted, so a diff shows what changed, not where the class happened to be declared.
      config: { sort: true, includeDirectives: false },
    },
    // Every interface's and union's implementations, for Apollo Client's `possibleTypes`
    // (docs/clients.md): without them a fragment on `Disclosure` matches no record.
    'docs/clients/possible-types.json': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, deterministic: true },
    },
  },
};

export default config;
