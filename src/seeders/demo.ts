import type { MikroORM } from '@mikro-orm/postgresql';
import { todayInChina } from '../kernel/time/china-date.js';
import { Region } from '../entities/core/region.entity.js';
import { seedDatabase } from '../generator/seed.js';
import type { Logger } from '../logger.js';
import { loadReferenceData } from './reference-data.js';

/** The size of the demo set `npm start` loads: enough to explore, seconds to make. */
const DEMO_SCALE = 5000;

/**
 * `npm start` on an empty database: the reference data and a generated demo
 * set, so a newcomer's first query has answers. A database that already
 * holds data is never touched.
 */
export async function loadDemoIfEmpty(orm: MikroORM, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Region)) > 0) return;
  const reference = await loadReferenceData(em);
  const summary = await seedDatabase(orm, { scale: DEMO_SCALE, seed: 'demo', until: todayInChina() });
  logger.info(
    { reference, rows: summary.rows, seconds: Math.round(summary.seconds * 10) / 10 },
    'loaded demo data into the empty database',
  );
}
