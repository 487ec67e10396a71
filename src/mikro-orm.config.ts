import 'reflect-metadata';
import { loadConfig } from './config.js';
import { ormOptions } from './db/orm-options.js';

/**
 * For the MikroORM CLI (`npx mikro-orm migration:create` after `npm run build`),
 * which reads the compiled file: developers point it at a PostgreSQL server.
 */
const { databaseUrl } = loadConfig();
if (!databaseUrl) throw new Error('the MikroORM CLI needs DATABASE_URL (a scratch PostgreSQL database)');

export default ormOptions({ clientUrl: databaseUrl, poolMax: 2 });
