import type { PartyRole } from '../entities/hub/enums.js';
import type { PickedRegion } from './regions.js';
import type { Rng } from './rng.js';
import type { GeneratedSubject, SubjectRegistry } from './subjects.js';

/** What a category generator is given: one record's frame, already decided by the envelope logic. */
export interface RecordFrame {
  /** This record's own random stream. */
  rng: Rng;
  id: number;
  region: PickedRegion;
  /** The region's short place word (西宁, 格尔木, 青海 for the province). */
  place: string;
  publisher: { code: string; name: string; shortName: string };
  /** 信息形成日期, YYYY-MM-DD: the decision, notice or deal date the details must agree with. */
  formedOn: string;
  year: number;
  subjects: SubjectRegistry;
}

export interface GeneratedParty {
  role: PartyRole;
  subject: GeneratedSubject;
  rank?: number;
}

/** A category generator's answer: the envelope's own words, the typed details and the parties. */
interface CategoryOutput {
  title: string;
  /** The record's main money figure (yuan, "123.00"), where the category has one. */
  amount?: string | null;
  projectCode?: string | null;
  /**
   * The details entity's properties by name, as the entity holds them:
   * embedded values as nested objects ({ value, unit }), JSON values as
   * plain objects and arrays, dates as YYYY-MM-DD, date-times as ISO strings
   * with the +08:00 offset. The `disclosure` key is filled in by the caller.
   */
  details: Record<string, unknown>;
  parties: GeneratedParty[];
  /**
   * Details that depend on when the record was published (a publicity period that
   * starts on publication), filled in once the record's timing is drawn.
   */
  onTiming?: (publishedOn: string | null) => void;
}

export type CategoryGenerator = (frame: RecordFrame) => CategoryOutput;
