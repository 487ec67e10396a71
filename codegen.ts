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
  },
};

export default config;
