import type { DiffContext } from '../../diff/context.js';
import { RANK, statement, type PlannedStatement } from '../../plan/statement.js';
import type { TableInfo } from './table.model.js';
import { alterTableSql } from './table.sql.js';

/** ENABLE / FORCE ROW LEVEL SECURITY of a new table. */
export function createRowSecurity(ctx: DiffContext, id: string, table: TableInfo): void {
  if (table.rowSecurity) ctx.statements.push(rowSecurity(table, 'ENABLE ROW LEVEL SECURITY', id));
  if (table.forceRowSecurity) ctx.statements.push(rowSecurity(table, 'FORCE ROW LEVEL SECURITY', id));
}

/** Row-level security switched on or off, forced or not, on a kept table. */
export function alterRowSecurity(ctx: DiffContext, id: string, c: TableInfo, d: TableInfo): void {
  if (c.rowSecurity !== d.rowSecurity) {
    ctx.statements.push(rowSecurity(d, `${d.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, id));
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'row level security',
      before: c.rowSecurity,
      after: d.rowSecurity,
    });
  }
  if (c.forceRowSecurity !== d.forceRowSecurity) {
    ctx.statements.push(
      rowSecurity(d, `${d.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`, id),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'force row level security',
      before: c.forceRowSecurity,
      after: d.forceRowSecurity,
    });
  }
}

function rowSecurity(table: TableInfo, action: string, id: string): PlannedStatement {
  return statement(alterTableSql(table, action), RANK.rowSecurity, `${id}#${action}`, {
    requires: [id],
  });
}
