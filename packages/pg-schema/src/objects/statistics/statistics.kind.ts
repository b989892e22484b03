import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterStatistics, createStatistics, dropStatistics } from './statistics.diff.js';
import { readStatistics } from './statistics.introspect.js';
import type { StatisticsInfo } from './statistics.model.js';
import { statisticsCommentTarget } from './statistics.sql.js';

/** Extended statistics: they go with their table, and are recreated when a column they use is dropped. */
export const statisticsKind: ObjectKindModule<StatisticsInfo> = {
  name: 'statistics',
  idKind: 'statistics',
  id: (statistics) => ids.statistics(statistics.schema, statistics.name),
  objects: (catalog) => catalog.statistics,
  async read(client, filter, catalog) {
    catalog.statistics = await readStatistics(client, filter);
  },
  addresses: { 'statistics object': ([schema, name]) => ids.statistics(schema, name) },
  commentOf: (object, address) => (address.type === 'statistics object' ? object.comment : undefined),
  commentTarget: statisticsCommentTarget,
  dropsWith: (statistics) => statistics.relation,
  recreate: { blocksRetype: false },
  diff: { create: createStatistics, drop: dropStatistics, alter: alterStatistics },
};
