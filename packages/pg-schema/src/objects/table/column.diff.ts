import { describeId, ids, kindOf } from '../../catalog/object-id.js';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, markImplicit } from '../../diff/object-ops.js';
import { RANK, statement, type PlannedStatement } from '../../plan/statement.js';
import { columnCommentTarget } from '../../render/comments.js';
import { qualified, quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import type { ColumnInfo } from './column.model.js';
import { usingClause } from './column-conversion.js';
import { chainColumnSteps } from './column-steps.js';
import { columnDefinition } from './column.sql.js';
import { alterIdentity } from './identity.diff.js';
import { keepSequencePosition, nextvalSequence } from './sequence-position.js';
import { catalogColumns } from './table-members.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/**
 * ADD COLUMN appends: keyed by the column's place in the models, several new columns are added in
 * the models' order (the table ends as the models say when they are all at its end). A column
 * that needs another added after it (a generated column) still waits for it.
 */
export function addColumn(ctx: DiffContext, table: TableInfo, column: ColumnInfo): void {
  const tableId = ids.table(table.schema, table.name);
  const columnId = ids.column(table.schema, table.name, column.name);
  const sql = `ALTER TABLE ${tableName(table)} ADD COLUMN ${columnDefinition(column, table)};`;
  const place = String(table.columns.indexOf(column)).padStart(5, '0');
  ctx.statements.push(
    statement(sql, RANK.addColumn, `${tableId}#column${place}`, {
      creates: [columnId],
      requires: [tableId, ...depsOf(ctx.desired, columnId)],
    }),
  );
  if (column.comment !== undefined) {
    ctx.statements.push(
      commentOn(columnCommentTarget(table.schema, table.name, column.name), column.comment, columnId),
    );
  }
  ctx.changes.push({ action: 'create', object: columnId });
}

export function dropColumn(ctx: DiffContext, table: TableInfo, column: ColumnInfo): void {
  const tableId = ids.table(table.schema, table.name);
  const columnId = ids.column(table.schema, table.name, column.name);
  // Its serial's sequence goes with it, unless the models keep the sequence (owned elsewhere).
  const owned = Object.entries(ctx.current.sequences)
    .filter(([, seq]) => seq.ownedBy?.table === tableId && seq.ownedBy.column === column.name)
    .map(([id]) => id)
    .filter((id) => !ctx.desired.sequences[id]);
  for (const id of owned) markImplicit(ctx, id);
  ctx.gone.add(columnId);
  const sql = `ALTER TABLE ${tableName(table)} DROP COLUMN ${quoteIdent(column.name)};`;
  ctx.statements.push(
    statement(sql, RANK.dropColumn, columnId, {
      drops: [columnId, ...owned],
      releases: depsOf(ctx.current, columnId),
    }),
  );
  ctx.changes.push({ action: 'drop', object: columnId });
}

/**
 * In-place changes of a kept column: generation, identity, type, default, NOT NULL, comment. They
 * are separate statements (each with its own dependencies: a DROP DEFAULT releases a sequence
 * early) kept in the one order Postgres accepts (column-steps.ts).
 */
export function alterColumn(
  ctx: DiffContext,
  table: TableInfo,
  desiredTable: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
): void {
  const columnId = ids.column(table.schema, table.name, c.name);
  // Converted with its recreated enum: that statement sets type and default, the rest follows here.
  const converted = ctx.replaced.has(columnId);
  // A stored generated column that becomes a plain one keeps its values (DROP EXPRESSION). A
  // virtual one has none to keep (PG18 refuses DROP EXPRESSION on it), and stored <-> virtual
  // cannot change in place: those, plain -> generated and a stored expression's change drop the
  // column and add it again. A virtual column's new expression is a catalog change where
  // Postgres allows SET EXPRESSION on it (virtualExpressionInPlace).
  const regenerates = c.generated !== d.generated || c.generatedKind !== d.generatedKind;
  const dropsExpression =
    c.generated !== undefined && d.generated === undefined && c.generatedKind !== 'virtual';
  const setsExpression = regenerates && virtualExpressionInPlace(ctx, table, desiredTable, c, d);
  if (!converted && regenerates && !dropsExpression && !setsExpression) {
    dropColumn(ctx, table, c);
    addColumn(ctx, desiredTable, d);
    ctx.replaced.add(columnId);
    return;
  }
  const alter = (clause: string, key: string, withDependencies = false) =>
    statement(`ALTER TABLE ${tableName(desiredTable)} ${clause};`, RANK.alterColumn, `${columnId}#${key}`, {
      creates: [columnId],
      ...(withDependencies
        ? { requires: depsOf(ctx.desired, columnId), releases: depsOf(ctx.current, columnId) }
        : {}),
    });
  const change = (attribute: string, before: unknown, after: unknown) =>
    ctx.changes.push({ action: 'alter', object: columnId, attribute, before, after });
  const col = `ALTER COLUMN ${quoteIdent(d.name)}`;

  let expression: PlannedStatement | undefined;
  if (dropsExpression && !converted) {
    expression = alter(`${col} DROP EXPRESSION`, 'expression', true);
    change('generated', c.generated, d.generated);
  } else if (setsExpression && !converted) {
    expression = alter(`${col} SET EXPRESSION AS (${d.generated})`, 'expression', true);
    change('generated', c.generated, d.generated);
  }
  let retype: PlannedStatement | undefined;
  let defaultChange: PlannedStatement | undefined;
  if (converted) {
    if (c.default !== d.default) change('default', c.default, d.default);
  } else if (c.type !== d.type || c.collation !== d.collation) {
    // One statement: the default goes while the type changes and comes back in the new type.
    const parts: string[] = [];
    if (c.default !== undefined) parts.push(`${col} DROP DEFAULT`);
    const collate = d.collation ? ` COLLATE ${d.collation}` : '';
    const using = c.type !== d.type ? usingClause(ctx, desiredTable, c, d) : '';
    parts.push(`${col} TYPE ${d.type}${collate}${using}`);
    if (d.default !== undefined) parts.push(`${col} SET DEFAULT ${d.default}`);
    retype = alter(parts.join(', '), 'type', true);
    ctx.retypedColumns.set(columnId, retype);
    if (c.type !== d.type) change('type', c.type, d.type);
    if (c.collation !== d.collation) change('collation', c.collation, d.collation);
    if (c.default !== d.default) change('default', c.default, d.default);
  } else if (c.default !== d.default) {
    const clause = d.default === undefined ? `${col} DROP DEFAULT` : `${col} SET DEFAULT ${d.default}`;
    defaultChange = alter(clause, 'default', true);
    // A dropped default goes among the drops: what it used (a sequence) may be dropped after it.
    if (d.default === undefined) defaultChange.rank = RANK.dropDefault;
    change('default', c.default, d.default);
  }
  // ADD GENERATED ... AS IDENTITY needs the column NOT NULL first: the identity statement does both.
  const identityAddsNotNull = !c.identity && d.identity !== undefined && !c.notNull;
  let notNull: PlannedStatement | undefined;
  if (c.notNull !== d.notNull && !identityAddsNotNull) {
    notNull = alter(`${col} ${d.notNull ? 'SET' : 'DROP'} NOT NULL`, 'notnull');
    if (d.notNull) notNull.online = { form: 'set-not-null', table: desiredTable, column: d.name };
    change('not null', c.notNull, d.notNull);
  }
  const identity = alterIdentity(ctx, table, c, d, columnId);
  const position = newSequencePosition(ctx, table, c, d, columnId);
  // NOT NULL is relaxed before the type changes (a conversion may give NULLs), tightened after.
  const relax = notNull && !d.notNull ? notNull : undefined;
  const tighten = notNull && d.notNull ? notNull : undefined;
  const steps = [
    ...identity.release,
    expression,
    defaultChange,
    relax,
    retype,
    tighten,
    ...identity.take,
    ...position,
  ].filter((step): step is PlannedStatement => step !== undefined);
  ctx.statements.push(...chainColumnSteps(columnId, steps));
  alterComment(ctx, columnCommentTarget(table.schema, table.name, d.name), columnId, c.comment, d.comment);
}

/**
 * A virtual column's expression changes with `SET EXPRESSION AS` (PG18: a catalog change, the
 * values are computed when read) when it stays virtual of the same type and collation and
 * Postgres allows it: not on a table with CHECK constraints (PG18 refuses: "not supported for
 * virtual generated columns in tables with check constraints"), and not where inheritance
 * carries the column (SET EXPRESSION recurses into children, which the diff of inherited members
 * expects to be dropped and added with the parent's column). Otherwise the column is dropped and
 * added again, as a stored one's.
 */
function virtualExpressionInPlace(
  ctx: DiffContext,
  table: TableInfo,
  desiredTable: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
): boolean {
  if (c.generatedKind !== 'virtual' || d.generatedKind !== 'virtual') return false;
  if (c.generated === undefined || d.generated === undefined) return false;
  if (c.type !== d.type || c.collation !== d.collation) return false;
  if (c.inherited !== undefined || d.inherited !== undefined) return false;
  const hasCheck = (t: TableInfo) => Object.values(t.constraints).some((k) => k.type === 'check');
  if (hasCheck(table) || hasCheck(desiredTable)) return false;
  const tableId = ids.table(table.schema, table.name);
  const isParent = (t: TableInfo) => t.inherits?.includes(tableId) || t.partitionOf?.parent === tableId;
  return ![ctx.current, ctx.desired].some((catalog) => Object.values(catalog.tables).some(isParent));
}

/** A default that starts using a sequence created by this migration (identity or plain -> serial). */
function newSequencePosition(
  ctx: DiffContext,
  table: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
  columnId: string,
): PlannedStatement[] {
  const regclass = nextvalSequence(d.default);
  if (regclass === undefined || c.default === d.default) return [];
  const entry = Object.entries(ctx.desired.sequences).find(
    ([, sequence]) => qualified(sequence.schema, sequence.name) === regclass,
  );
  if (!entry || ctx.current.sequences[entry[0]]) return [];
  const [sequenceId, sequence] = entry;
  const position = keepSequencePosition(table, d, quoteLiteral(regclass), sequence, columnId);
  if (!position) return [];
  position.requires.push(sequenceId);
  return [position];
}

/** A column default that uses a dropped function or sequence: drop it before, set it again after. */
export function resetDefault(ctx: DiffContext, columnId: string, cause: string): void {
  const causeKind = kindOf(cause);
  if (causeKind !== 'function' && causeKind !== 'sequence') return;
  if (ctx.replaced.has(columnId) || ctx.gone.has(columnId)) return;
  const located = catalogColumns(ctx.current)[columnId];
  if (!located) return;
  const { table, column } = located;
  const desiredTable = ctx.desired.tables[ids.table(table.schema, table.name)];
  const desiredColumn = desiredTable?.columns.find((col) => col.name === column.name);
  // A default that changes anyway is dropped and set by the column's own statement.
  if (!desiredColumn || column.default === undefined || desiredColumn.default !== column.default) return;
  const name = `ALTER TABLE ${tableName(table)} ALTER COLUMN ${quoteIdent(column.name)}`;
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
