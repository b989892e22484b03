import type { LintRule } from '../rule.js';
import { columnTypeRules } from './column-types.js';
import { compatibilityRules } from './compatibility.js';
import { destructiveRules } from './destructive.js';
import { identifierRules } from './identifiers.js';
import { lockingRules } from './locking.js';
import { transactionRules } from './transactions.js';

/** Every lint rule, in the order docs/lint.md lists them. */
export const ALL_RULES: LintRule[] = [
  ...destructiveRules,
  ...compatibilityRules,
  ...lockingRules,
  ...transactionRules,
  ...columnTypeRules,
  ...identifierRules,
];
