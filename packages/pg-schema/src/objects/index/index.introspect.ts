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
import type { TableInfo } from '../table/table.model.js';
import type { IndexInfo } from './index.model.js';

interface IndexRow {
  schema: string;
  name: string;
  table_schema: string;
  table_name: string;
  table_kind: string;
  definition: string;
  options: string[] | null;
  comment: string | null;
}

/**
 * Indexes that are not the implementation of a primary key, unique or exclusion constraint:
 * `attached` false reads the indexes of their own, true the indexes of partitions that are
 * attached to an index of the partitioned parent (created with it, or by ATTACH PARTITION).
 */
async function queryIndexes(client: ClientBase, filter: QueryParams, attached: boolean): Promise<IndexRow[]> {
  const { rows } = await client.query<IndexRow>(
    `SELECT n.nspname AS schema, ic.relname AS name, tn.nspname AS table_schema, t.relname AS table_name,
            t.relkind AS table_kind, pg_get_indexdef(i.indexrelid) AS definition,
            ic.reloptions AS options,
            ${commentSql('ic.oid', 'pg_class')} AS comment
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = ic.relnamespace
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE t.relkind IN ('r', 'p', 'm') AND ic.relispartition = ${attached ? 'true' : 'false'}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        AND ${inSchemas('tn.nspname')} AND ${notIgnored('tn.nspname', 't.relname')}
        AND ${notExtensionMember('pg_class', 't.oid')}
      ORDER BY 1, 2`,
    params(filter),
  );
  return rows;
}

function indexOf(row: IndexRow): IndexInfo {
  const table =
    row.table_kind === 'm'
      ? ids.view(row.table_schema, row.table_name)
      : ids.table(row.table_schema, row.table_name);
  const index: IndexInfo = { schema: row.schema, name: row.name, table, definition: row.definition };
  if (row.options) index.options = row.options;
  return withComment(index, row.comment);
}

/** The indexes of their own, by id. */
export async function readIndexes(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, IndexInfo>> {
  const out: Record<string, IndexInfo> = {};
  for (const row of await queryIndexes(client, filter, false)) {
    out[ids.index(row.schema, row.name)] = indexOf(row);
  }
  return out;
}

/** A partition's indexes attached to its parent's, into `TableInfo.inherited` of the tables read before. */
export async function readAttachedIndexes(
  client: ClientBase,
  filter: QueryParams,
  tables: Record<string, TableInfo>,
): Promise<void> {
  for (const row of await queryIndexes(client, filter, true)) {
    const table = tables[ids.table(row.table_schema, row.table_name)];
    if (!table) continue;
    const inherited = (table.inherited ??= { constraints: {}, indexes: {} });
    inherited.indexes[row.name] = indexOf(row);
  }
}
