import { CreditEntryMutationsResolver } from './credit-entry-mutations.resolver.js';
import { CreditEntryResolver } from './credit-entry.resolver.js';
import { CreditListsResolver } from './credit-lists.resolver.js';
import { SubjectMutationsResolver } from './subject-mutations.resolver.js';
import { SubjectPersonalDataResolver } from './subject-personal.resolver.js';
import { SubjectResolver } from './subject.resolver.js';

export const creditResolvers = [
  SubjectResolver,
  SubjectPersonalDataResolver,
  CreditEntryResolver,
  CreditListsResolver,
  SubjectMutationsResolver,
  CreditEntryMutationsResolver,
] as const;
