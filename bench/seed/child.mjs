// One seeding run in its own process, so its peak memory is its own.
// argv: scale seed until; env: DATABASE_URL or GONGKAI_DATA_DIR as usual.
import 'reflect-metadata';
import { loadConfig } from '../../dist/config.js';
import { openDatabase } from '../../dist/db/database.js';
import { migrate } from '../../dist/db/migrate.js';
import { seedDatabase } from '../../dist/generator/seed.js';
import { createLogger } from '../../dist/logger.js';
import { loadReferenceData } from '../../dist/seeders/reference-data.js';

const [scale, seed, until] = process.argv.slice(2);
const db = await openDatabase(loadConfig(), createLogger('silent', { pretty: false }));
await migrate(db.orm);
await loadReferenceData(db.orm.em.fork());
const summary = await seedDatabase(db.orm, { scale: Number(scale), seed, until });
await db.close();
process.stdout.write(JSON.stringify({ ...summary, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
