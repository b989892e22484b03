import type { Catalog } from '../../catalog/catalog.js';
import { ids, splitTableId } from '../../catalog/object-id.js';
import type { Change } from '../../diff/change.js';
import { RANK, statement, type PlannedStatement } from '../../plan/statement.js';
import { qualified } from '../../render/sql-text.js';
import type { TableInfo } from './table.model.js';
import { tableName } from './table.sql.js';

/**
 * DETACH PARTITION and NO INHERIT run first, before the renames too: nothing they need is made
 * by the migration, a parent's column changes must not reach a table that leaves it, and what
 * the table inherited is its own (to rename or drop) only after it.
 */
export const LEAVE_PARENT_RANK = RANK.rename - 0.5;
/** ATTACH PARTITION and INHERIT run once both tables are as the parent needs them. */
export const JOIN_PARENT_RANK = RANK.addForeignKey + 0.5;

export interface ParentLinkChanges {
  /** The current catalog as it is after the DETACH and NO INHERIT statements. */
  current: Catalog;
  /** The desired catalog as it must be before the ATTACH and INHERIT statements. */
  desired: Catalog;
  statements: PlannedStatement[];
  changes: Change[];
}

/** The tables a table inherits from: its partitioned parent, or its INHERITS parents. */
export function parentsOf(table: TableInfo): string[] {
  return table.partitionOf ? [table.partitionOf.parent] : (table.inherits ?? []);
}

/**
 * Tables that become or stop being a partition or an inheritance child of a table (a new bound
 * is a detach then an attach). The rest of the diff then sees such a table as a table of its
 * own on that side: after DETACH PARTITION or NO INHERIT it keeps its columns and what it
 * inherited (constraints, a partition's indexes) as its own; before ATTACH PARTITION or INHERIT
 * it must already have the parent's columns and CHECK constraints (Postgres checks they match),
 * and a partition gets the parent's keys and indexes under the names the models give them
 * (ATTACH adopts matching ones instead of building new ones).
 */
export function changeParentLinks(current: Catalog, desired: Catalog): ParentLinkChanges {
  const out: ParentLinkChanges = { current, desired, statements: [], changes: [] };
  const leaving: Array<{ tableId: string; parents: string[] }> = [];
  const joining: Array<{ tableId: string; parents: string[] }> = [];
  for (const [tableId, c] of Object.entries(current.tables)) {
    const d = desired.tables[tableId];
    // A change of partitioning itself stops the diff (table.diff.ts); a new table is created as it is.
    if (!d || c.partitionBy !== d.partitionBy) continue;
    const [before, after] = [linkOf(c), linkOf(d)];
    const left = before.filter((link) => !after.some((other) => sameLink(link, other)));
    const joined = after.filter((link) => !before.some((other) => sameLink(link, other)));
    if (left.length === 0 && joined.length === 0) continue;
    if (left.length > 0) leaving.push({ tableId, parents: left.map((link) => link.parent) });
    if (joined.length > 0) joining.push({ tableId, parents: joined.map((link) => link.parent) });
    for (const link of left) out.statements.push(leaveStatement(current, c, link));
    for (const link of joined) out.statements.push(joinStatement(desired, d, link));
    out.changes.push(...linkChanges(tableId, c, d));
  }
  if (leaving.length > 0) out.current = structuredClone(current);
  for (const { tableId, parents } of leaving) standalone(out.current, tableId, parents);
  if (joining.length > 0) out.desired = structuredClone(desired);
  for (const { tableId, parents } of joining) standalone(out.desired, tableId, parents);
  return out;
}

interface Link {
  parent: string;
  /** A partition's bound; undefined for an inheritance parent. */
  bound?: string;
}

function linkOf(table: TableInfo): Link[] {
  if (table.partitionOf) return [{ parent: table.partitionOf.parent, bound: table.partitionOf.bound }];
  return (table.inherits ?? []).map((parent) => ({ parent }));
}

const sameLink = (a: Link, b: Link) => a.parent === b.parent && a.bound === b.bound;

function parentName(parentId: string): string {
  const [schema, name] = splitTableId(parentId);
  return qualified(schema, name);
}

/** DETACH PARTITION or NO INHERIT: drops of the parent and its columns and constraints wait for it. */
function leaveStatement(current: Catalog, table: TableInfo, link: Link): PlannedStatement {
  const tableId = ids.table(table.schema, table.name);
  const parent = current.tables[link.parent];
  const sql =
    link.bound !== undefined
      ? `ALTER TABLE ${parentName(link.parent)} DETACH PARTITION ${tableName(table)};`
      : `ALTER TABLE ${tableName(table)} NO INHERIT ${parentName(link.parent)};`;
  // It requires nothing, so that it goes first (by rank) before any change of either table.
  return statement(sql, LEAVE_PARENT_RANK, `${tableId}#leave:${link.parent}`, {
    releases: [link.parent, ...(parent ? memberIds(current, parent) : [])],
  });
}

/**
 * ATTACH PARTITION or INHERIT: after the parent's columns, constraints and indexes and the
 * table's own (the columns, CHECK constraints and, for a partition, keys and indexes made to
 * match the parent's).
 */
function joinStatement(desired: Catalog, table: TableInfo, link: Link): PlannedStatement {
  const tableId = ids.table(table.schema, table.name);
  const parent = desired.tables[link.parent];
  const sql =
    link.bound !== undefined
      ? `ALTER TABLE ${parentName(link.parent)} ATTACH PARTITION ${tableName(table)} ${link.bound};`
      : `ALTER TABLE ${tableName(table)} INHERIT ${parentName(link.parent)};`;
  const requires = [tableId, link.parent, ...memberIds(desired, table)];
  if (parent) requires.push(...memberIds(desired, parent));
  return statement(sql, JOIN_PARENT_RANK, `${tableId}#join:${link.parent}`, { requires });
}

/** Column, constraint and index ids of a table (inherited ones included, under the table's names). */
function memberIds(catalog: Catalog, table: TableInfo): string[] {
  const tableId = ids.table(table.schema, table.name);
  const constraintNames = [
    ...Object.keys(table.constraints),
    ...Object.keys(table.inherited?.constraints ?? {}),
  ];
  return [
    ...table.columns.map((column) => ids.column(table.schema, table.name, column.name)),
    ...constraintNames.map((name) => ids.constraint(table.schema, table.name, name)),
    ...Object.entries(catalog.indexes)
      .filter(([, index]) => index.table === tableId)
      .map(([id]) => id),
    ...Object.values(table.inherited?.indexes ?? {}).map((index) => ids.index(index.schema, index.name)),
  ];
}

function describeLink(table: TableInfo): string | undefined {
  if (table.partitionOf)
    return `${splitTableId(table.partitionOf.parent).join('.')} ${table.partitionOf.bound}`;
  return undefined;
}

function linkChanges(tableId: string, c: TableInfo, d: TableInfo): Change[] {
  const out: Change[] = [];
  const [before, after] = [describeLink(c), describeLink(d)];
  if (before !== after)
    out.push({ action: 'alter', object: tableId, attribute: 'partition of', before, after });
  const [parentsBefore, parentsAfter] = [c.inherits ?? [], d.inherits ?? []];
  if (parentsBefore.join(',') !== parentsAfter.join(',')) {
    const names = (list: string[]) =>
      list.length ? list.map((id) => splitTableId(id).join('.')) : undefined;
    out.push({
      action: 'alter',
      object: tableId,
      attribute: 'inherits',
      before: names(parentsBefore),
      after: names(parentsAfter),
    });
  }
  return out;
}

/**
 * The table as it is without the `parents` (in a catalog copy): a partition without its parent
 * keeps every column and what it inherited as its own (DETACH PARTITION); an inheritance child
 * keeps what no other parent gives it as its own (NO INHERIT). The same table is what ATTACH
 * PARTITION and INHERIT need before they run.
 */
function standalone(catalog: Catalog, tableId: string, parents: string[]): void {
  const table = catalog.tables[tableId];
  if (!table) return;
  const kept = parentsOf(table)
    .filter((parent) => !parents.includes(parent))
    .map((parent) => catalog.tables[parent])
    .filter((parent): parent is TableInfo => parent !== undefined);
  if (table.partitionOf && parents.includes(table.partitionOf.parent)) delete table.partitionOf;
  if (table.inherits) {
    const inherits = table.inherits.filter((parent) => !parents.includes(parent));
    if (inherits.length > 0) table.inherits = inherits;
    else delete table.inherits;
  }
  for (const column of table.columns) {
    if (
      column.inherited &&
      !kept.some((parent) => parent.columns.some((other) => other.name === column.name))
    )
      delete column.inherited;
  }
  const inherited = table.inherited;
  if (!inherited) return;
  for (const [name, constraint] of Object.entries(inherited.constraints)) {
    if (kept.some((parent) => hasConstraint(parent, name))) continue;
    delete inherited.constraints[name];
    const { merged: _merged, ...own } = constraint;
    table.constraints[name] = own;
    // Its dependencies are those of the parent's constraint of the same name (a foreign key's).
    const constraintId = ids.constraint(table.schema, table.name, name);
    for (const parentId of parents) {
      const parent = catalog.tables[parentId];
      const deps = parent && catalog.dependencies[ids.constraint(parent.schema, parent.name, name)];
      if (deps) catalog.dependencies[constraintId] = [...deps];
    }
  }
  if (!table.partitionOf) {
    for (const index of Object.values(inherited.indexes))
      catalog.indexes[ids.index(index.schema, index.name)] = index;
    inherited.indexes = {};
  }
  if (Object.keys(inherited.constraints).length === 0 && Object.keys(inherited.indexes).length === 0)
    delete table.inherited;
  table.constraints = sortedByKey(table.constraints);
  catalog.indexes = sortedByKey(catalog.indexes);
}

function hasConstraint(table: TableInfo, name: string): boolean {
  return table.constraints[name] !== undefined || table.inherited?.constraints[name] !== undefined;
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What inheritance leaves out of comparison: the names Postgres gives what a partition or child
 * inherits (TableInfo.inherited), and whether an inherited column is declared by the child too
 * (no ALTER TABLE changes attislocal: INHERIT always merges), so both read as inherited. The
 * order of INHERITS parents is not compared either (INHERIT appends), nor that of storage
 * parameters (SET appends).
 */
export function comparableInheritance(table: TableInfo): void {
  delete table.inherited;
  table.options?.sort();
  for (const column of table.columns) if (column.inherited) column.inherited = 'only';
  table.inherits?.sort();
}
