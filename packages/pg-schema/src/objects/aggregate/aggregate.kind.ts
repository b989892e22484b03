import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterAggregate, createAggregate, dropAggregate } from './aggregate.diff.js';
import { readAggregates } from './aggregate.introspect.js';
import type { AggregateInfo } from './aggregate.model.js';
import { aggregateCommentTarget } from './aggregate.sql.js';

/** Aggregates; recreated by the cascade when a support function or type of theirs is. */
export const aggregateKind: ObjectKindModule<AggregateInfo> = {
  name: 'aggregate',
  idKind: 'aggregate',
  objects: (catalog) => catalog.aggregates,
  async read(client, filter, catalog) {
    catalog.aggregates = await readAggregates(client, filter);
  },
  addresses: { aggregate: ([schema, name], args) => ids.aggregate(schema, name, args.join(',')) },
  commentOf: (object, address) => (address.type === 'aggregate' ? object.comment : undefined),
  commentTarget: aggregateCommentTarget,
  recreate: { blocksRetype: false },
  diff: { create: createAggregate, drop: dropAggregate, alter: alterAggregate },
};
