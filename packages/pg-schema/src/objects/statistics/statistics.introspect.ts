import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import {
  inSchemas,
  notExtensionMember,
  notIgnored,
  params,
  type QueryParams,
} from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { StatisticsInfo } from './statistics.model.js';

export async function readStatistics(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, StatisticsInfo>> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    table_schema: string;
    table_name: string;
    table_kind: string;
    definition: string;
    target: number | null;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, s.stxname AS name, tn.nspname AS table_schema, c.relname AS table_name,
            c.relkind AS table_kind, pg_get_statisticsobjdef(s.oid) AS definition,
            NULLIF(s.stxstattarget, -1)::int AS target,
            ${commentSql('s.oid', 'pg_statistic_ext')} AS comment
       FROM pg_statistic_ext s
       JOIN pg_namespace n ON n.oid = s.stxnamespace
       JOIN pg_class c ON c.oid = s.stxrelid
       JOIN pg_namespace tn ON tn.oid = c.relnamespace
      WHERE ${inSchemas('n.nspname')} AND ${notIgnored('tn.nspname', 'c.relname')}
        AND ${notExtensionMember('pg_statistic_ext', 's.oid')}
      ORDER BY 1, 2`,
    params(filter),
  );
  const out: Record<string, StatisticsInfo> = {};
  for (const row of rows) {
    const relation =
      row.table_kind === 'm'
        ? ids.view(row.table_schema, row.table_name)
        : ids.table(row.table_schema, row.table_name);
    const statistics: StatisticsInfo = {
      schema: row.schema,
      name: row.name,
      relation,
      definition: row.definition,
    };
    if (row.target !== null) statistics.target = row.target;
    out[ids.statistics(row.schema, row.name)] = withComment(statistics, row.comment);
  }
  return out;
}
