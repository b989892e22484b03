import { ids } from '../../catalog/object-id.js';
import { qualified } from '../../render/sql-text.js';
import type { ObjectKindModule } from '../kind.js';
import { typeCommentTarget, USER_TYPE_ADDRESSES } from '../user-type.js';
import { alterRange, createRange, dropRange } from './range.diff.js';
import { readRanges } from './range.introspect.js';
import type { RangeInfo } from './range.model.js';

/**
 * Range types and their multiranges: one object (pg_depend rows on the multirange type map onto
 * the range, see introspect/dependencies.ts; the constructor functions are not read as functions).
 */
export const rangeKind: ObjectKindModule<RangeInfo> = {
  name: 'range type',
  idKind: 'type',
  id: (range) => ids.type(qualified(range.schema, range.name)),
  objects: (catalog) => catalog.ranges,
  async read(client, filter, catalog) {
    catalog.ranges = await readRanges(client, filter);
  },
  addresses: USER_TYPE_ADDRESSES,
  commentOf: (object, address) => (address.type === 'type' ? object.comment : undefined),
  commentTarget: typeCommentTarget,
  diff: { create: createRange, drop: dropRange, alter: alterRange },
};
