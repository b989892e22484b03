import { splitTableId } from '../../catalog/object-id.js';
import { qualified, quoteIdent, terminated } from '../../render/sql-text.js';
import type { RuleInfo } from './rule.model.js';

const relationName = (rule: RuleInfo) => {
  const [schema, name] = splitTableId(rule.relation);
  return qualified(schema, name);
};

export const createRuleSql = (rule: RuleInfo) => terminated(rule.definition);

/** CREATE OR REPLACE RULE keeps the rule's comment and enabled state. */
export const replaceRuleSql = (rule: RuleInfo) =>
  terminated(rule.definition.replace(/^CREATE RULE /, 'CREATE OR REPLACE RULE '));

export const dropRuleSql = (rule: RuleInfo) => `DROP RULE ${quoteIdent(rule.name)} ON ${relationName(rule)};`;

const ENABLED: Record<RuleInfo['enabled'], string> = {
  O: 'ENABLE RULE',
  D: 'DISABLE RULE',
  R: 'ENABLE REPLICA RULE',
  A: 'ENABLE ALWAYS RULE',
};

/** Only tables have it (views refuse ENABLE/DISABLE RULE). */
export const ruleEnabledSql = (rule: RuleInfo) =>
  `ALTER TABLE ${relationName(rule)} ${ENABLED[rule.enabled]} ${quoteIdent(rule.name)};`;

export const ruleCommentTarget = (rule: RuleInfo) => `RULE ${quoteIdent(rule.name)} ON ${relationName(rule)}`;
