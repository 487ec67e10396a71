import { CreditEntry } from './credit-entry.entity.js';
import { Subject } from './subject.entity.js';

/** Market subjects and the credit red/black lists (信用中国（青海）). */
export const creditEntities = [Subject, CreditEntry];
