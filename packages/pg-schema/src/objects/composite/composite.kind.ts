import { ids } from '../../catalog/object-id.js';
import { qualified } from '../../render/sql-text.js';
import type { ObjectKindModule } from '../kind.js';
import { typeCommentTarget, USER_TYPE_ADDRESSES, userTypeComment } from '../user-type.js';
import { alterComposite, createComposite, dropComposite } from './composite.diff.js';
import { readComposites } from './composite.introspect.js';
import type { CompositeInfo } from './composite.model.js';

export const compositeKind: ObjectKindModule<CompositeInfo> = {
  name: 'composite type',
  idKind: 'type',
  id: (type) => ids.type(qualified(type.schema, type.name)),
  objects: (catalog) => catalog.composites,
  async read(client, filter, catalog) {
    catalog.composites = await readComposites(client, filter);
  },
  addresses: USER_TYPE_ADDRESSES,
  commentTarget: typeCommentTarget,
  commentOf: userTypeComment,
  // A composite type's name is also a relation name (its pg_class row).
  relationNames: (type) => [{ schema: type.schema, name: type.name }],
  diff: { create: createComposite, drop: dropComposite, alter: alterComposite },
};
