import { emptyCatalog, type Catalog, type ColumnInfo, type TableInfo } from '../../catalog/catalog.js';
import { describeChange } from '../../diff/change.js';
import { diffCatalogs } from '../../diff/diff.js';
import type { ObjectKindModule } from '../kind.js';
import { tableKind } from '../table/table.kind.js';

/** In-memory catalogs for the unit tests of the kinds: no database involved. */

/** A catalog holding the given maps (everything else empty). */
export function catalogOf(parts: Partial<Catalog>): Catalog {
  return { ...emptyCatalog(), ...parts };
}

/** Entries of one kind keyed by their ids, sorted as introspection sorts them. */
export function keyed<T>(kind: ObjectKindModule<T>, ...objects: T[]): Record<string, T> {
  const id = kind.id;
  if (!id) throw new Error(`keyed: ${kind.name} ids are not spelled from entries; key them by hand`);
  const entries = objects.map((object): [string, T] => [id(object), object]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The diff both ways, as the SQL and the change lines people read. */
export function diffBothWays(current: Catalog, desired: Catalog) {
  const read = (from: Catalog, to: Catalog) => {
    const diff = diffCatalogs(from, to);
    return {
      sql: diff.statements.map((s) => s.sql),
      changes: diff.changes.map(describeChange),
      steps: diff.steps.map((step) => step.transactional),
    };
  };
  return { up: read(current, desired), down: read(desired, current) };
}

/** A table of schema public (or `schema.name`) with plain defaults for what a test leaves out. */
export function table(
  qualifiedName: string,
  columns: ColumnInfo[],
  extra: Partial<Omit<TableInfo, 'schema' | 'name' | 'columns'>> = {},
): TableInfo {
  const [schema, name] = qualifiedName.includes('.') ? qualifiedName.split('.') : ['public', qualifiedName];
  return {
    schema,
    name,
    columns,
    constraints: {},
    rowSecurity: false,
    forceRowSecurity: false,
    unlogged: false,
    ...extra,
  };
}

/** A column, nullable and without a default unless told. */
export function column(
  name: string,
  type: string,
  extra: Partial<Omit<ColumnInfo, 'name' | 'type'>> = {},
): ColumnInfo {
  return { name, type, notNull: false, ...extra };
}

/** Tables keyed by id. */
export function tables(...list: TableInfo[]): Record<string, TableInfo> {
  return keyed(tableKind, ...list);
}
