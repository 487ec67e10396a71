// Usage: npm run build && node scripts/check-model.mjs [TypeName ...]
// Builds the schema and runs MikroORM's entity discovery (no database), and
// prints the SDL of the named types: a quick check while writing a module.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { printType } from 'graphql';

const { ormOptions } = await import('../dist/db/orm-options.js');
const { buildGongkaiSchema } = await import('../dist/schema/build-schema.js');
const orm = await MikroORM.init({ ...ormOptions({ clientUrl: 'postgres://nobody@127.0.0.1:1/none', poolMax: 1 }), connect: false });
const tables = Object.values(orm.getMetadata().getAll()).filter((m) => !m.embeddable).map((m) => m.tableName);
console.log(`entities discovered: ${tables.length} tables`);
const schema = await buildGongkaiSchema();
console.log(`schema built: ${Object.keys(schema.getTypeMap()).length} types`);
for (const name of process.argv.slice(2)) {
  const type = schema.getType(name);
  console.log(type ? printType(type) : `no type ${name}`);
}
await orm.close(true);
