import type { CategoryGenerator } from '../../../generator/category-generator.js';
import { approval } from './generator/approval.js';
import { notice } from './generator/notice.js';
import { result } from './generator/result.js';

export const propertyGenerators: Record<string, CategoryGenerator> = {
  APPROVAL: approval,
  NOTICE: notice,
  RESULT: result,
};
