import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterConstraint, createConstraint, dropConstraint } from './constraint.diff.js';
import { readConstraints } from './constraint.introspect.js';
import type { TableConstraint } from './constraint.model.js';
import { constraintCommentTarget } from './constraint.sql.js';
import { catalogConstraints } from './table-members.js';

/**
 * Primary key, unique, check, exclusion and foreign key constraints: read after the tables and
 * attached to them, diffed with their table (after its columns), recreated by the cascade.
 */
export const constraintKind: ObjectKindModule<TableConstraint> = {
  name: 'constraint',
  idKind: 'constraint',
  id: ({ table, constraint }) => ids.constraint(table.schema, table.name, constraint.name),
  objects: catalogConstraints,
  async read(client, filter, catalog) {
    await readConstraints(client, filter, catalog);
  },
  addresses: { 'table constraint': ([schema, table, name]) => ids.constraint(schema, table, name) },
  commentTarget: ({ table, constraint }) =>
    constraintCommentTarget(ids.table(table.schema, table.name), constraint),
  // Primary key, unique and exclusion constraints share their name with their index.
  relationNames: ({ table, constraint }) =>
    constraint.type === 'check' || constraint.type === 'foreign'
      ? []
      : [{ schema: table.schema, name: constraint.name }],
  // The index behind a primary key, unique or exclusion constraint carries its own comment.
  commentOf: ({ constraint }, address) =>
    address.type === 'table constraint'
      ? constraint.comment
      : address.type === 'index'
        ? constraint.indexComment
        : undefined,
  nested: true,
  recreate: { blocksRetype: false },
  diff: { create: createConstraint, drop: dropConstraint, alter: alterConstraint },
};
