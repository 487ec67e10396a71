import { CreditEntryResolver } from './credit-entry.resolver.js';
import { SubjectResolver } from './subject.resolver.js';

export const creditResolvers = [SubjectResolver, CreditEntryResolver] as const;
