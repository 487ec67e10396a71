import { Disclosure } from './disclosure.entity.js';
import { Party } from './party.entity.js';
import { ChannelPublication } from './publication.entity.js';
import { DisclosureRevision } from './revision.entity.js';
import { SubjectRecordTally, SubjectTally } from './subject-tally.entity.js';

/** The hub: the envelope every record shares, its parties, channels and history. */
export const disclosureEntities = [Disclosure, Party, ChannelPublication, DisclosureRevision, SubjectTally, SubjectRecordTally];
