import { Migration20261127223746 } from './Migration20261127223746.js';
import { Migration20261127225444 } from './Migration20261127225444.js';
import { Migration20261127232911 } from './Migration20261127232911.js';
import { Migration20261127235257 } from './Migration20261127235257.js';
import { Migration20261128000111 } from './Migration20261128000111.js';
import { Migration20261128010841 } from './Migration20261128010841.js';
import { Migration20261128010842 } from './Migration20261128010842.js';
import { Migration20261128014445 } from './Migration20261128014445.js';
import { Migration20261128013819 } from './Migration20261128013819.js';
import { Migration20261128014313 } from './Migration20261128014313.js';
import { Migration20261128014341 } from './Migration20261128014341.js';
import { Migration20261128015618 } from './Migration20261128015618.js';
import { Migration20261128024726 } from './Migration20261128024726.js';
import { Migration20261128041500 } from './Migration20261128041500.js';
import { Migration20261128044500 } from './Migration20261128044500.js';
import { Migration20261128045000 } from './Migration20261128045000.js';
import { Migration20261128074000 } from './Migration20261128074000.js';
import { Migration20261128093000 } from './Migration20261128093000.js';
import { Migration20261128110000 } from './Migration20261128110000.js';
import { Migration20261128113000 } from './Migration20261128113000.js';
import { Migration20261128170000 } from './Migration20261128170000.js';
import { Migration20261129090000 } from './Migration20261129090000.js';

/** Every migration, in order. A test fails when a file in this folder is missing here. */
export const migrationsList = [
  // Regions and departments.
  { name: 'Migration20261127223746', class: Migration20261127223746 },
  // The data model of every domain: hub, parties, details per category, credit, catalogue.
  { name: 'Migration20261127225444', class: Migration20261127225444 },
  // Deadlines, keyset indexes, and the bigram index for Chinese title search.
  { name: 'Migration20261127232911', class: Migration20261127232911 },
  // A party's record domain, for a subject's activity per domain from one index.
  { name: 'Migration20261127235257', class: Migration20261127235257 },
  // A party's record date (kept in step by a trigger), and the domain-by-date listing index.
  { name: 'Migration20261128000111', class: Migration20261128000111 },
  // Requests for disclosure (依申请公开), with the checks that keep a request coherent.
  { name: 'Migration20261128010841', class: Migration20261128010841 },
  // The working-day calendar: the State Council's holiday schedule per year (放假 and 调休上班).
  { name: 'Migration20261128010842', class: Migration20261128010842 },
  // API tokens (hashed secrets) and the audit trail (append-only: a trigger refuses update, delete and truncate).
  { name: 'Migration20261128013819', class: Migration20261128013819 },
  // Personal data of natural persons on a subject (身份证号码, 联系电话), never shown to the public.
  { name: 'Migration20261128014313', class: Migration20261128014313 },
  // Limits in days ending on a rest day end on the next working day (民法典 第二百零三条).
  { name: 'Migration20261128014341', class: Migration20261128014341 },
  // The publisher's own record id (unique per publisher) and the content hash: publishing or importing again changes nothing.
  { name: 'Migration20261128014445', class: Migration20261128014445 },
  // The formation-date index carries what compliance figures read (index-only scans).
  { name: 'Migration20261128015618', class: Migration20261128015618 },
  // Party rows carry their record's visibility (triggers), so a subject's lists and counts stay index-only for the public.
  { name: 'Migration20261128024726', class: Migration20261128024726 },
  // Per-subject tallies of parties and records (statement triggers): a subject's counts cost the same however busy it is.
  { name: 'Migration20261128041500', class: Migration20261128041500 },
  // Subjects by kind in code order; a subject's standing from the entry index alone.
  { name: 'Migration20261128044500', class: Migration20261128044500 },
  // Audit values and revision snapshots compressed with lz4 (cheaper bulk appends), where the server has it.
  { name: 'Migration20261128045000', class: Migration20261128045000 },
  // Token changes announced (NOTIFY) so servers may remember tokens between requests.
  { name: 'Migration20261128074000', class: Migration20261128074000 },
  // Title bigrams by a loop (about a third of the time), so writing a record costs less.
  { name: 'Migration20261128093000', class: Migration20261128093000 },
  // Audit values stored as written (json): nothing queries inside them, and a bulk import's append costs less.
  { name: 'Migration20261128110000', class: Migration20261128110000 },
  // Party rows may come with their visibility (checked per statement), so a bulk write skips a query per row.
  { name: 'Migration20261128113000', class: Migration20261128113000 },
  // A two-character title search counted and paged from a B-tree of (bigram, formed date, record), index-only.
  { name: 'Migration20261128170000', class: Migration20261128170000 },
  // Which department registered each subject (backfilled from the audit trail); a deleted department's tokens dropped at once.
  { name: 'Migration20261129090000', class: Migration20261129090000 },
];
