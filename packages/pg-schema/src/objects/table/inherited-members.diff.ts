import { ids } from '../../catalog/object-id.js';
import type { DiffContext } from '../../diff/context.js';
import { diffObjects } from '../../diff/diff-objects.js';
import { markImplicit } from '../../diff/object-ops.js';
import type { PlannedStatement } from '../../plan/statement.js';
import { addColumn, alterColumn, dropColumn } from './column.diff.js';
import type { ColumnInfo } from './column.model.js';
import { alterColumnStorage, storageKey } from './column-storage.diff.js';
import { constraintKind } from './constraint.kind.js';
import type { ConstraintInfo } from './constraint.model.js';
import { constraintsOf } from './table-members.js';
import type { TableInfo } from './table.model.js';
import { parentsOf } from './table-parents.js';
import { tableName } from './table.sql.js';

/**
 * Columns of partitions and inheritance children follow their parents: ADD COLUMN, DROP COLUMN,
 * ALTER COLUMN TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL, SET STORAGE and SET STATISTICS on a
 * parent reach every partition and child (Postgres refuses most of them on a partition itself).
 * So a parent's change is written once, on the parent; a child gets statements of its own only
 * for what differs from what the parent gives it (a default of its own, a comment), after the
 * parent's. (SET COMPRESSION and comments do not reach children; identity is the parent's.)
 */

interface Pair {
  c: TableInfo;
  d: TableInfo;
}

/** The parents a table has on both sides (links that change were made one-sided by table-parents.ts). */
function keptParents(ctx: DiffContext, c: TableInfo, d: TableInfo): Pair[] {
  const after = parentsOf(d);
  return parentsOf(c)
    .filter((parent) => after.includes(parent))
    .map((parent) => ({ c: ctx.current.tables[parent], d: ctx.desired.tables[parent] }))
    .filter((pair): pair is Pair => pair.c !== undefined && pair.d !== undefined);
}

// The kept children of every parent, built once per diff.
const childIndexes = new WeakMap<DiffContext, Map<string, Pair[]>>();

/** The tables that stay partitions or children of `parent` on both sides. */
function keptChildren(ctx: DiffContext, parent: TableInfo): Pair[] {
  let index = childIndexes.get(ctx);
  if (!index) {
    index = new Map();
    for (const [id, c] of Object.entries(ctx.current.tables)) {
      const d = ctx.desired.tables[id];
      if (!d) continue;
      const after = parentsOf(d);
      for (const parentId of parentsOf(c).filter((p) => after.includes(p))) {
        const list = index.get(parentId);
        if (list) list.push({ c, d });
        else index.set(parentId, [{ c, d }]);
      }
    }
    childIndexes.set(ctx, index);
  }
  return index.get(ids.table(parent.schema, parent.name)) ?? [];
}

const columnOf = (table: TableInfo, name: string) => table.columns.find((column) => column.name === name);
const columnId = (table: TableInfo, name: string) => ids.column(table.schema, table.name, name);

/** Columns of a kept table: dropped, added and changed, each on the parent it comes from. */
export function diffTableColumns(ctx: DiffContext, c: TableInfo, d: TableInfo): void {
  const parents = keptParents(ctx, c, d);
  for (const column of c.columns) {
    if (columnOf(d, column.name)) continue;
    if (goesWithParents(parents, column)) {
      const id = columnId(c, column.name);
      markImplicit(ctx, id);
      ctx.changes.push({ action: 'drop', object: id, reason: 'with its parent column' });
      continue;
    }
    const mark = ctx.statements.length;
    dropColumn(ctx, c, column);
    afterParents(ctx, mark, column.name, parents, 'drop');
    dropOnParent(ctx, mark, c, d, column.name);
  }
  for (const column of d.columns) {
    const old = columnOf(c, column.name);
    const from = column.inherited ? parents.find((pair) => columnOf(pair.d, column.name)) : undefined;
    const fromColumn = from && columnOf(from.d, column.name);
    const mark = ctx.statements.length;
    if (!old && from && fromColumn && !columnOf(from.c, column.name)) {
      // Added by the parent's ADD COLUMN.
      alterColumn(ctx, c, d, copyOnAdd(fromColumn), column);
      alterColumnStorage(ctx, d, copyOnAdd(fromColumn), column);
      afterParents(ctx, mark, column.name, parents, 'change');
      ctx.changes.push({
        action: 'create',
        object: columnId(d, column.name),
        reason: 'with its parent column',
      });
    } else if (!old) {
      addColumn(ctx, d, column);
      alterColumnStorage(ctx, d, undefined, column);
      onParent(ctx, mark, d, column.name);
    } else {
      const parentColumns = old.inherited && from ? pairOf(from, column.name) : undefined;
      const expected = parentColumns ? propagated(parentColumns.c, parentColumns.d, old) : old;
      alterColumn(ctx, c, d, expected, column);
      alterColumnStorage(ctx, d, expected, column);
      if (parentColumns) afterParents(ctx, mark, column.name, parents, 'change');
      onParent(ctx, mark, d, column.name);
    }
  }
}

function pairOf(pair: Pair, name: string): { c: ColumnInfo; d: ColumnInfo } | undefined {
  const [c, d] = [columnOf(pair.c, name), columnOf(pair.d, name)];
  return c && d ? { c, d } : undefined;
}

/**
 * What a new table's columns need after its CREATE: their storage, statistics and compression
 * settings; and for a new partition or child (CREATE TABLE ... PARTITION OF / INHERITS), which
 * copies its parents' columns (type, default, NOT NULL, storage, compression; not statistics,
 * comments or identity), what its own columns add to that copy.
 */
export function columnsAfterCreate(ctx: DiffContext, table: TableInfo): void {
  const tableId = ids.table(table.schema, table.name);
  const parents = parentsOf(table)
    .map((parent) => ctx.desired.tables[parent])
    .filter((parent): parent is TableInfo => parent !== undefined);
  for (const column of table.columns) {
    const fromColumn = parents.map((parent) => columnOf(parent, column.name)).find((found) => found);
    const expected = fromColumn ? copyOnCreate(fromColumn, column) : undefined;
    const mark = ctx.statements.length;
    if (expected && column.inherited === 'only') alterColumn(ctx, table, table, expected, column);
    alterColumnStorage(ctx, table, expected, column);
    for (const s of ctx.statements.slice(mark)) s.requires.push(tableId);
  }
}

/** What a child's column becomes when the parent's column changes from `pc` to `pd`. */
export function propagated(pc: ColumnInfo, pd: ColumnInfo, child: ColumnInfo): ColumnInfo {
  // A generated column is dropped and added again: the child gets a new copy.
  if (pc.generated !== pd.generated || pc.generatedKind !== pd.generatedKind)
    return { ...copyOnAdd(pd), inherited: child.inherited };
  const out: ColumnInfo = { ...child };
  const set = <K extends keyof ColumnInfo>(key: K, value: ColumnInfo[K]) => {
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  const retyped = pc.type !== pd.type || pc.collation !== pd.collation;
  if (retyped) {
    set('type', pd.type);
    set('collation', pd.collation);
    // The retype resets storage and compression; the parent's SET STORAGE after it reaches the child.
    set('storage', pd.storage);
    set('defaultStorage', pd.defaultStorage);
    delete out.compression;
    // It drops the default and sets it again around the type change.
    if (pc.default !== undefined || pd.default !== undefined) set('default', pd.default);
  }
  if (pc.default !== pd.default) set('default', pd.default);
  if (pc.notNull !== pd.notNull) out.notNull = pd.notNull;
  if (pc.storage !== pd.storage) {
    set('storage', pd.storage);
    set('defaultStorage', pd.defaultStorage);
  }
  if (pc.statistics !== pd.statistics) set('statistics', pd.statistics);
  return out;
}

/**
 * The copy ADD COLUMN on a parent gives a child: the column as written, then the parent's
 * SET STORAGE and SET STATISTICS (not SET COMPRESSION, which stays on the parent).
 */
export function copyOnAdd(parent: ColumnInfo): ColumnInfo {
  const { comment: _comment, identity: _identity, compression: _compression, ...copy } = parent;
  return { ...copy, inherited: 'only' };
}

/** The copy CREATE TABLE ... PARTITION OF or INHERITS makes of a parent's column. */
export function copyOnCreate(parent: ColumnInfo, child: ColumnInfo): ColumnInfo {
  const { comment: _comment, identity: _identity, statistics: _statistics, ...copy } = parent;
  return { ...copy, inherited: child.inherited };
}

/** Statements made for a child column since `mark` come after its ancestors' changes of that column. */
function afterParents(
  ctx: DiffContext,
  mark: number,
  name: string,
  parents: Pair[],
  kind: 'drop' | 'change',
): void {
  const ancestors = ancestorColumnIds(ctx, parents, name);
  for (const s of ctx.statements.slice(mark)) {
    if (kind === 'drop') s.afterDropOf.push(...ancestors);
    else s.requires.push(...ancestors, ...ancestors.map(storageKey));
  }
}

function ancestorColumnIds(
  ctx: DiffContext,
  parents: Pair[],
  name: string,
  seen = new Set<string>(),
): string[] {
  const out: string[] = [];
  for (const pair of parents) {
    const id = columnId(pair.c, name);
    if (seen.has(id) || (!columnOf(pair.c, name) && !columnOf(pair.d, name))) continue;
    seen.add(id);
    out.push(id, ...ancestorColumnIds(ctx, keptParents(ctx, pair.c, pair.d), name, seen));
  }
  return out;
}

/** The descendants of `table` (partitions and children, at any depth) that hold the column on both sides. */
function descendantColumnIds(ctx: DiffContext, table: TableInfo, name: string): string[] {
  const out: string[] = [];
  for (const child of keptChildren(ctx, table)) {
    if (!columnOf(child.c, name) && !columnOf(child.d, name)) continue;
    out.push(columnId(child.d, name), ...descendantColumnIds(ctx, child.d, name));
  }
  return out;
}

/**
 * A parent's ADD COLUMN or ALTER COLUMN also makes (or changes) the column of its partitions and
 * children: what needs their column comes after it, and a retype there drops and recreates the
 * views on theirs too.
 */
function onParent(ctx: DiffContext, mark: number, table: TableInfo, name: string): void {
  const descendants = descendantColumnIds(ctx, table, name);
  if (descendants.length === 0) return;
  for (const s of ctx.statements.slice(mark)) s.creates.push(...descendants);
  const retype = ctx.retypedColumns.get(columnId(table, name));
  if (retype) for (const id of descendants) ctx.retypedColumns.set(id, retype);
}

/**
 * Whether a partition's column goes with its parent's DROP COLUMN. An inheritance child's copy
 * never does: its parent drops with ONLY (below), and the child drops its copy itself.
 */
function goesWithParents(parents: Pair[], column: ColumnInfo): boolean {
  if (column.inherited !== 'only') return false;
  const having = parents.filter((pair) => columnOf(pair.c, column.name));
  return having.length > 0 && having.every((pair) => pair.c.partitionBy && !columnOf(pair.d, column.name));
}

/**
 * DROP COLUMN or DROP CONSTRAINT for good on an inheritance parent with children holding a copy:
 * with ONLY, which leaves every child's copy as the child's own, whether the child declared it
 * too or not (a database that was migrated down and up again may differ there from one built
 * from the models; ALTER TABLE cannot tell). Each child then keeps it or drops it itself.
 * Partitioned tables refuse ONLY here; their partitions' copies go with the parent's.
 */
function dropsWithOnly(ctx: DiffContext, parent: TableInfo, holds: (child: TableInfo) => boolean): boolean {
  return !parent.partitionBy && keptChildren(ctx, parent).some(({ c }) => holds(c));
}

/** The parent's DROP COLUMN (statements since `mark`): ONLY for an inheritance parent, or the copies it drops. */
function dropOnParent(ctx: DiffContext, mark: number, c: TableInfo, d: TableInfo, name: string): void {
  const own = columnId(c, name);
  const drop = ctx.statements.slice(mark).find((s) => s.drops.includes(own));
  if (!drop) return;
  // A column dropped and added again (a generated one) is added to the children again too.
  const replaced = columnOf(d, name) !== undefined;
  if (!replaced && dropsWithOnly(ctx, c, (child) => columnOf(child, name) !== undefined)) {
    drop.sql = onlyForm(drop, c);
    return;
  }
  drop.drops.push(...droppedCopies(ctx, c, name));
}

function onlyForm(drop: PlannedStatement, table: TableInfo): string {
  const prefix = `ALTER TABLE ${tableName(table)} `;
  if (!drop.sql.startsWith(prefix))
    throw new Error(`pg-schema: unexpected statement on ${tableName(table)}: ${drop.sql}`);
  return `ALTER TABLE ONLY ${tableName(table)} ${drop.sql.slice(prefix.length)}`;
}

/** The partitions' copies of a dropped column that go with it, at any depth. */
function droppedCopies(ctx: DiffContext, table: TableInfo, name: string): string[] {
  const out: string[] = [];
  for (const child of keptChildren(ctx, table)) {
    const column = columnOf(child.c, name);
    if (!column || columnOf(child.d, name)) continue;
    if (!goesWithParents(keptParents(ctx, child.c, child.d), column)) continue;
    out.push(columnId(child.c, name), ...droppedCopies(ctx, child.c, name));
  }
  return out;
}

/**
 * The constraints of a table. Of a table with parents, an inherited one is the table's in either
 * form (declared by the parent alone, or merged with its own), since no ALTER TABLE turns one
 * into the other: what a parent adds or keeps reaches the child by itself; what an inheritance
 * parent drops for good (with ONLY) stays on its children, to be kept or dropped on each after
 * the parent's drop.
 */
export function diffTableConstraints(ctx: DiffContext, c: TableInfo, d: TableInfo): void {
  const parents = keptParents(ctx, c, d);
  const before: Record<string, ConstraintInfo> = { ...c.constraints };
  for (const [name, constraint] of Object.entries(c.inherited?.constraints ?? {})) {
    const leftByParent = parents.some(
      (pair) => !pair.c.partitionBy && hasConstraint(pair.c, name) && !hasConstraint(pair.d, name),
    );
    if (constraint.merged || leftByParent) before[name] = withoutMerged(constraint);
  }
  const after: Record<string, ConstraintInfo> = { ...d.constraints };
  // Declared by the child too or not, an inherited one that the child has is kept.
  for (const [name, constraint] of Object.entries(d.inherited?.constraints ?? {}))
    if (before[name]) after[name] = withoutMerged(constraint);
  const mark = ctx.statements.length;
  diffObjects(
    ctx,
    constraintKind,
    constraintsOf({ ...c, constraints: before }),
    constraintsOf({ ...d, constraints: after }),
  );
  for (const s of ctx.statements.slice(mark)) {
    for (const id of s.drops) {
      const name = constraintNameOf(id, c);
      if (name === undefined) continue;
      // Dropped for good while children hold a copy: ONLY (see dropsWithOnly).
      if (!hasConstraint(d, name) && dropsWithOnly(ctx, c, (child) => hasConstraint(child, name)))
        s.sql = onlyForm(s, c);
    }
    // What the child gets or loses of a name its parent drops comes after the parent's drop.
    for (const pair of parents)
      for (const id of [...s.creates, ...s.drops]) {
        const name = constraintNameOf(id, c);
        if (name !== undefined) s.afterDropOf.push(ids.constraint(pair.c.schema, pair.c.name, name));
      }
  }
}

function hasConstraint(table: TableInfo, name: string): boolean {
  return table.constraints[name] !== undefined || table.inherited?.constraints[name] !== undefined;
}

function withoutMerged(constraint: ConstraintInfo & { merged?: true }): ConstraintInfo {
  const { merged: _merged, ...own } = constraint;
  return own;
}

function constraintNameOf(id: string, table: TableInfo): string | undefined {
  const prefix = ids.constraint(table.schema, table.name, '');
  return id.startsWith(prefix) ? id.slice(prefix.length) : undefined;
}
