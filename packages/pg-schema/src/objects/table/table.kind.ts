import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterTable, createTable, dropTable } from './table.diff.js';
import { readAttachedIndexes } from '../index/index.introspect.js';
import { comparableInheritance } from './table-parents.js';
import { readTables } from './table.introspect.js';
import type { TableInfo } from './table.model.js';
import { tableCommentTarget } from './table.sql.js';

/** Tables (and partitions); their columns and constraints are kinds of their own (column.kind.ts, constraint.kind.ts). */
export const tableKind: ObjectKindModule<TableInfo> = {
  name: 'table',
  idKind: 'table',
  id: (table) => ids.table(table.schema, table.name),
  objects: (catalog) => catalog.tables,
  async read(client, filter, catalog) {
    catalog.tables = await readTables(client, filter);
    await readAttachedIndexes(client, filter, catalog.tables);
  },
  addresses: { table: ([schema, name]) => ids.table(schema, name) },
  commentTarget: tableCommentTarget,
  commentOf: (table, address) => (address.type === 'table' ? table.comment : undefined),
  // Its own name, and the names of what it inherits (a partition's copies of the parent's keys
  // and attached indexes); its own keys' indexes and its identity sequences are named by the
  // constraint and column kinds.
  relationNames: (table) => [
    { schema: table.schema, name: table.name },
    ...Object.values(table.inherited?.constraints ?? {})
      .filter((constraint) => constraint.type !== 'check' && constraint.type !== 'foreign')
      .map((constraint) => ({ schema: table.schema, name: constraint.name })),
    ...Object.values(table.inherited?.indexes ?? {}).map((index) => ({
      schema: index.schema,
      name: index.name,
    })),
  ],
  // ADD COLUMN appends, so a down section cannot put a dropped column back in its place (and a
  // column added mid-table in the models lands last): columns are compared by name.
  comparable(table) {
    table.columns.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    comparableInheritance(table);
  },
  diff: { create: createTable, drop: dropTable, alter: alterTable, dropsFirst: true },
};
