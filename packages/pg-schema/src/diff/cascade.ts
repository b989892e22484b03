import { describeId, ids, kindOf } from '../catalog/object-id.js';
import * as ddl from '../render/ddl.js';
import { quoteIdent } from '../render/sql-text.js';
import { RANK, statement } from '../plan/statement.js';
import { depsOf, type DiffContext } from './context.js';
import { emitCreate, emitDrop } from './object-ops.js';

/** Kinds that are dropped and created again when something they depend on changes. */
const RECREATABLE = new Set(['view', 'index', 'constraint', 'trigger', 'policy', 'function']);
/** What blocks ALTER COLUMN ... TYPE: views, policies and triggers that use the column. */
const BLOCKS_RETYPE = new Set(['view', 'policy', 'trigger']);

/**
 * Recreates unchanged objects whose dependencies are dropped, recreated or retyped: a view on a
 * column whose type changes, a trigger on a function whose signature changes, a check calling a
 * replaced function, a column default using a dropped sequence or function (dropped and set again).
 */
export function cascade(ctx: DiffContext): void {
  const dependents = new Map<string, string[]>();
  for (const [id, refs] of Object.entries(ctx.current.dependencies)) {
    for (const ref of refs) {
      const list = dependents.get(ref);
      if (list) list.push(id);
      else dependents.set(ref, [id]);
    }
  }
  const queue: Array<{ id: string; retyped: boolean }> = [
    ...[...ctx.gone].map((id) => ({ id, retyped: false })),
    ...[...ctx.retypedColumns.keys()].map((id) => ({ id, retyped: true })),
  ];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { id: cause, retyped } = queue.shift()!;
    const key = `${cause}|${retyped}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dependent of dependents.get(cause) ?? []) {
      const kind = kindOf(dependent);
      // Whoever drops a view or policy on a retyped column, that drop must come first.
      if (retyped && BLOCKS_RETYPE.has(kind)) ctx.retypedColumns.get(cause)?.afterDropOf.push(dependent);
      if (ctx.gone.has(dependent) && !ctx.implicitlyDropped.has(dependent)) continue;
      if (ctx.replaced.has(dependent)) continue;
      if (kind === 'column' && !retyped) {
        resetDefault(ctx, dependent, cause);
        continue;
      }
      if (!RECREATABLE.has(kind) || !existsIn(ctx, dependent)) continue;
      if (retyped && !BLOCKS_RETYPE.has(kind)) continue;
      // Gone with its parent (a materialized view's index): only the create is missing.
      if (!ctx.implicitlyDropped.has(dependent)) emitDrop(ctx, dependent);
      emitCreate(ctx, dependent);
      ctx.replaced.add(dependent);
      ctx.gone.add(dependent);
      ctx.changes.push({
        action: 'alter',
        object: dependent,
        reason: `recreated: ${describeId(cause)} changes`,
      });
      queue.push({ id: dependent, retyped: false });
    }
  }
}

/** A column default that uses a dropped function or sequence: drop it before, set it again after. */
function resetDefault(ctx: DiffContext, columnId: string, cause: string): void {
  const causeKind = kindOf(cause);
  if (causeKind !== 'function' && causeKind !== 'sequence') return;
  if (ctx.replaced.has(columnId) || ctx.gone.has(columnId)) return;
  const located = locateColumn(ctx, columnId);
  if (!located) return;
  const { table, column } = located;
  const desiredTable = ctx.desired.tables[ids.table(table.schema, table.name)];
  const desiredColumn = desiredTable?.columns.find((col) => col.name === column.name);
  // A default that changes anyway is dropped and set by the column's own statement.
  if (!desiredColumn || column.default === undefined || desiredColumn.default !== column.default) return;
  const name = `ALTER TABLE ${ddl.tableName(table)} ALTER COLUMN ${quoteIdent(column.name)}`;
  ctx.statements.push(
    statement(`${name} DROP DEFAULT;`, RANK.dropDefault, `${columnId}#cascade-drop-default`, {
      releases: depsOf(ctx.current, columnId),
    }),
  );
  if (desiredColumn.default !== undefined) {
    ctx.statements.push(
      statement(
        `${name} SET DEFAULT ${desiredColumn.default};`,
        RANK.alterColumn,
        `${columnId}#cascade-set-default`,
        {
          requires: depsOf(ctx.desired, columnId),
        },
      ),
    );
  }
  ctx.replaced.add(columnId);
  ctx.changes.push({
    action: 'alter',
    object: columnId,
    attribute: 'default',
    reason: `set again: ${describeId(cause)} changes`,
  });
}

function locateColumn(ctx: DiffContext, columnId: string) {
  for (const table of Object.values(ctx.current.tables)) {
    for (const column of table.columns) {
      if (ids.column(table.schema, table.name, column.name) === columnId) return { table, column };
    }
  }
  return undefined;
}

function existsIn(ctx: DiffContext, id: string): boolean {
  switch (kindOf(id)) {
    case 'view':
      return id in ctx.desired.views;
    case 'index':
      return id in ctx.desired.indexes;
    case 'trigger':
      return id in ctx.desired.triggers;
    case 'policy':
      return id in ctx.desired.policies;
    case 'function':
      return id in ctx.desired.functions;
    case 'constraint':
      return Object.values(ctx.desired.tables).some((table) =>
        Object.keys(table.constraints).some((name) => ids.constraint(table.schema, table.name, name) === id),
      );
    default:
      return false;
  }
}
