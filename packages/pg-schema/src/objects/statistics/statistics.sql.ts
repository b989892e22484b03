import { qualified, terminated } from '../../render/sql-text.js';
import type { StatisticsInfo } from './statistics.model.js';

const statisticsName = (statistics: StatisticsInfo) => qualified(statistics.schema, statistics.name);

export const createStatisticsSql = (statistics: StatisticsInfo) => terminated(statistics.definition);

export const dropStatisticsSql = (statistics: StatisticsInfo) =>
  `DROP STATISTICS ${statisticsName(statistics)};`;

/** -1 resets the target on every version (PG17+ stores that as NULL). */
export const statisticsTargetSql = (statistics: StatisticsInfo) =>
  `ALTER STATISTICS ${statisticsName(statistics)} SET STATISTICS ${statistics.target ?? -1};`;

export const statisticsCommentTarget = (statistics: StatisticsInfo) =>
  `STATISTICS ${statisticsName(statistics)}`;
