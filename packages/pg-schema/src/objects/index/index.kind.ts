import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterIndex, createIndex, dropIndex, sortedOptionsDefinition } from './index.diff.js';
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
  // ALTER INDEX ... SET appends: parameters are compared in any order.
  comparable(index) {
    if ((index.options?.length ?? 0) < 2) return;
    index.options?.sort();
    index.definition = sortedOptionsDefinition(index.definition);
  },
  recreate: { blocksRetype: false },
  diff: { create: createIndex, drop: dropIndex, alter: alterIndex },
};
