import type { MikroORM } from '@mikro-orm/postgresql';
import { Region } from '../entities/core/region.entity.js';
import type { Logger } from '../logger.js';
import { loadReferenceData } from './reference-data.js';

/**
 * `npm start` on an empty database: load what a newcomer needs to see the
 * graph answer. A database that already holds data is never touched.
 */
export async function loadDemoIfEmpty(orm: MikroORM, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Region)) > 0) return;
  const counts = await loadReferenceData(em);
  logger.info({ counts }, 'loaded demo data into the empty database');
}
