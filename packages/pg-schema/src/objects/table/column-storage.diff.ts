import { ids } from '../../catalog/object-id.js';
import type { DiffContext } from '../../diff/context.js';
import { RANK, statement } from '../../plan/statement.js';
import { quoteIdent } from '../../render/sql-text.js';
import type { ColumnInfo } from './column.model.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/** The id a column's storage statement makes, for statements that must follow it (a child's). */
export const storageKey = (columnId: string) => `${columnId}#storage`;

/**
 * SET STORAGE, SET STATISTICS and SET COMPRESSION of a column, after it exists with its type:
 * `current` is the column as it is before (undefined: a new column, with the defaults). A type
 * change puts storage and compression back to the new type's defaults (statistics stay), so they
 * are set again. SET STORAGE and SET STATISTICS reach the table's partitions and children too.
 */
export function alterColumnStorage(
  ctx: DiffContext,
  table: TableInfo,
  current: ColumnInfo | undefined,
  desired: ColumnInfo,
): void {
  const columnId = ids.column(table.schema, table.name, desired.name);
  const retyped =
    current !== undefined && (current.type !== desired.type || current.collation !== desired.collation);
  const before = current && !retyped ? current : undefined;
  const col = `ALTER COLUMN ${quoteIdent(desired.name)}`;
  const actions: string[] = [];
  const change = (attribute: string, from: unknown, to: unknown) => {
    // A new column's settings are part of its creation; a retype's resets are not changes of their own.
    if (current && !(retyped && from === to))
      ctx.changes.push({ action: 'alter', object: columnId, attribute, before: from, after: to });
  };
  if (before?.storage !== desired.storage) {
    const mode = desired.storage ?? before?.defaultStorage;
    if (mode) {
      actions.push(`${col} SET STORAGE ${mode.toUpperCase()}`);
      change('storage', current?.storage, desired.storage);
    }
  }
  if (current?.statistics !== desired.statistics) {
    actions.push(`${col} SET STATISTICS ${desired.statistics ?? -1}`);
    change('statistics', current?.statistics, desired.statistics);
  }
  if (before?.compression !== desired.compression) {
    actions.push(`${col} SET COMPRESSION ${desired.compression ?? 'DEFAULT'}`);
    change('compression', current?.compression, desired.compression);
  }
  if (actions.length === 0) return;
  ctx.statements.push(
    statement(
      `ALTER TABLE ${tableName(table)} ${actions.join(', ')};`,
      RANK.alterColumn,
      storageKey(columnId),
      {
        creates: [storageKey(columnId)],
        requires: [columnId],
      },
    ),
  );
}
