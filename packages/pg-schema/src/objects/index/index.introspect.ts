import type { ClientBase } from 'pg';
import { ids } from '../../catalog/object-id.js';
import {
  inSchemas,
  notExtensionMember,
  notIgnored,
  params,
  type QueryParams,
} from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { IndexInfo } from './index.model.js';

/** Indexes that are not the implementation of a primary key, unique or exclusion constraint. */
export async function readIndexes(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, IndexInfo>> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    table_schema: string;
    table_name: string;
    table_kind: string;
    definition: string;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, ic.relname AS name, tn.nspname AS table_schema, t.relname AS table_name,
            t.relkind AS table_kind, pg_get_indexdef(i.indexrelid) AS definition,
            obj_description(ic.oid, 'pg_class') AS comment
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = ic.relnamespace
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE t.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        AND ${inSchemas('tn.nspname')} AND ${notIgnored('tn.nspname', 't.relname')}
        AND ${notExtensionMember('pg_class', 't.oid')}
      ORDER BY 1, 2`,
    params(filter),
  );
  const out: Record<string, IndexInfo> = {};
  for (const row of rows) {
    const table =
      row.table_kind === 'm'
        ? ids.view(row.table_schema, row.table_name)
        : ids.table(row.table_schema, row.table_name);
    out[ids.index(row.schema, row.name)] = withComment(
      { schema: row.schema, name: row.name, table, definition: row.definition },
      row.comment,
    );
  }
  return out;
}
