import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterIndex, createIndex, dropIndex } from './index.diff.js';
import { readIndexes } from './index.introspect.js';
import type { IndexInfo } from './index.model.js';
import { indexCommentTarget } from './index.sql.js';

/** Indexes of their own (those behind a constraint belong to the constraint). */
export const indexKind: ObjectKindModule<IndexInfo> = {
  name: 'index',
  idKind: 'index',
  id: (index) => ids.index(index.schema, index.name),
  objects: (catalog) => catalog.indexes,
  async read(client, filter, catalog) {
    catalog.indexes = await readIndexes(client, filter);
  },
  addresses: { index: ([schema, name]) => ids.index(schema, name) },
  commentTarget: (index) => indexCommentTarget(index.schema, index.name),
  commentOf: (index, address) => (address.type === 'index' ? index.comment : undefined),
  dropsWith: (index) => index.table,
  relationNames: (index) => [{ schema: index.schema, name: index.name }],
  recreate: { blocksRetype: false },
  diff: { create: createIndex, drop: dropIndex, alter: alterIndex },
};
