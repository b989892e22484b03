import { splitTableId } from '../../catalog/object-id.js';
import { onTableCommentTarget } from '../../render/comments.js';
import { qualified, quoteIdent, terminated } from '../../render/sql-text.js';
import type { TriggerInfo } from './trigger.model.js';

export function createTriggerSql(trigger: TriggerInfo): string {
  return terminated(trigger.definition);
}

export function dropTriggerSql(trigger: TriggerInfo): string {
  const [schema, table] = splitTableId(trigger.table);
  return `DROP TRIGGER ${quoteIdent(trigger.name)} ON ${qualified(schema, table)};`;
}

export function triggerEnabledSql(trigger: TriggerInfo): string {
  const [schema, table] = splitTableId(trigger.table);
  const action =
    { D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS', O: 'ENABLE' }[trigger.enabled] ?? 'ENABLE';
  return `ALTER TABLE ${qualified(schema, table)} ${action} TRIGGER ${quoteIdent(trigger.name)};`;
}

export const triggerCommentTarget = (trigger: TriggerInfo) =>
  onTableCommentTarget('TRIGGER', trigger.name, trigger.table);
