import type { DiffContext } from '../../diff/context.js';
import { RANK, statement } from '../../plan/statement.js';
import { alterOptionsSql } from './storage-options.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/** A kept table's storage parameters (its TOAST table's too): ALTER TABLE ... SET (...) / RESET (...). */
export function alterTableOptions(ctx: DiffContext, id: string, c: TableInfo, d: TableInfo): void {
  const statements = alterOptionsSql(`TABLE ${tableName(d)}`, c.options, d.options);
  if (statements.length === 0) return;
  statements.forEach((sql, index) =>
    ctx.statements.push(statement(sql, RANK.alterColumn, `${id}#options${index}`, { creates: [id] })),
  );
  ctx.changes.push({
    action: 'alter',
    object: id,
    attribute: 'storage parameters',
    before: c.options,
    after: d.options,
  });
}
