import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import type { TableColumn } from './column.model.js';
import type { TableConstraint } from './constraint.model.js';
import type { TableInfo } from './table.model.js';

/** Every id a table carries: itself, its columns and its constraints. */
export function tableMemberIds(table: TableInfo): string[] {
  return [
    ids.table(table.schema, table.name),
    ...table.columns.map((column) => ids.column(table.schema, table.name, column.name)),
    ...Object.keys(table.constraints).map((name) => ids.constraint(table.schema, table.name, name)),
  ];
}

/** One table's constraints by id. */
export function constraintsOf(table: TableInfo): Record<string, TableConstraint> {
  const out: Record<string, TableConstraint> = {};
  for (const constraint of Object.values(table.constraints))
    out[ids.constraint(table.schema, table.name, constraint.name)] = { table, constraint };
  return out;
}

// Catalogs are not changed once read, so the indexes are kept per tables map.
const columnIndexes = new WeakMap<Catalog['tables'], Record<string, TableColumn>>();
const constraintIndexes = new WeakMap<Catalog['tables'], Record<string, TableConstraint>>();

/** Every column of the catalog by id, with its table. */
export function catalogColumns(catalog: Catalog): Record<string, TableColumn> {
  let index = columnIndexes.get(catalog.tables);
  if (!index) {
    index = {};
    for (const table of Object.values(catalog.tables))
      for (const column of table.columns)
        index[ids.column(table.schema, table.name, column.name)] = { table, column };
    columnIndexes.set(catalog.tables, index);
  }
  return index;
}

/** Every table constraint of the catalog by id, with its table. */
export function catalogConstraints(catalog: Catalog): Record<string, TableConstraint> {
  let index = constraintIndexes.get(catalog.tables);
  if (!index) {
    index = {};
    for (const table of Object.values(catalog.tables)) Object.assign(index, constraintsOf(table));
    constraintIndexes.set(catalog.tables, index);
  }
  return index;
}
