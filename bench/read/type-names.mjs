// (domain, category) → concrete GraphQL type name, from the compiled category registry.
export async function typeNameLookup() {
  await import('reflect-metadata');
  await import('../../dist/entities/index.js');
  const { typeNameOf } = await import('../../dist/entities/hub/category-registry.js');
  return typeNameOf;
}
