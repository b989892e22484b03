import { ids } from '../../catalog/object-id.js';
import { columnCommentTarget } from '../../render/comments.js';
import type { ObjectKindModule } from '../kind.js';
import { resetDefault } from './column.diff.js';
import { readColumns } from './column.introspect.js';
import type { TableColumn } from './column.model.js';
import { catalogColumns } from './table-members.js';

const columnAddress = ([schema, table, column]: string[]) => ids.column(schema, table, column);

/**
 * Table columns: read after the tables, changed by their table's diff (column.diff.ts), never on
 * their own; the cascade sets again a default that uses a dropped function or sequence.
 */
export const columnKind: ObjectKindModule<TableColumn> = {
  name: 'column',
  idKind: 'column',
  id: ({ table, column }) => ids.column(table.schema, table.name, column.name),
  objects: catalogColumns,
  read: readColumns,
  // A column default stands for its column.
  addresses: { 'table column': columnAddress, 'default value': columnAddress },
  commentTarget: ({ table, column }) => columnCommentTarget(table.schema, table.name, column.name),
  commentOf: ({ column }, address) => (address.type === 'table column' ? column.comment : undefined),
  dependencyGone: resetDefault,
  // An identity column's sequence.
  relationNames: ({ table, column }) =>
    column.identity ? [{ schema: table.schema, name: column.identity.sequenceName }] : [],
};
