import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterCollation, createCollation, dropCollation } from './collation.diff.js';
import { readCollations } from './collation.introspect.js';
import type { CollationInfo } from './collation.model.js';
import { collationCommentTarget } from './collation.sql.js';

/** Collations made with CREATE COLLATION (columns, domains and types name them by id). */
export const collationKind: ObjectKindModule<CollationInfo> = {
  name: 'collation',
  idKind: 'collation',
  id: (collation) => ids.collation(collation.schema, collation.name),
  objects: (catalog) => catalog.collations,
  async read(client, filter, catalog) {
    catalog.collations = await readCollations(client, filter);
  },
  addresses: { collation: ([schema, name]) => ids.collation(schema, name) },
  commentOf: (object, address) => (address.type === 'collation' ? object.comment : undefined),
  commentTarget: collationCommentTarget,
  diff: { create: createCollation, drop: dropCollation, alter: alterCollation },
};
