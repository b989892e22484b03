import { onTableCommentTarget } from '../../render/comments.js';
import { quoteIdent } from '../../render/sql-text.js';
import type { ConstraintInfo } from './constraint.model.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

export function addConstraintSql(table: TableInfo, constraint: ConstraintInfo): string {
  return `ALTER TABLE ${tableName(table)} ADD CONSTRAINT ${quoteIdent(constraint.name)} ${constraint.definition};`;
}

export function dropConstraintSql(table: TableInfo, constraint: ConstraintInfo): string {
  return `ALTER TABLE ${tableName(table)} DROP CONSTRAINT ${quoteIdent(constraint.name)};`;
}

export const constraintCommentTarget = (tableId: string, constraint: ConstraintInfo) =>
  onTableCommentTarget('CONSTRAINT', constraint.name, tableId);
