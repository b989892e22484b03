import type { Named } from '../../catalog/named.js';

/** An extended statistics object (CREATE STATISTICS). */
export interface StatisticsInfo extends Named {
  /** The table (or materialized view) id it is on. */
  relation: string;
  /** pg_get_statisticsobjdef: `CREATE STATISTICS s (kinds) ON columns, (expressions) FROM t`. */
  definition: string;
  /** ALTER STATISTICS ... SET STATISTICS, when set (unset: -1 on PG15-16, NULL on PG17+). */
  target?: number;
}
