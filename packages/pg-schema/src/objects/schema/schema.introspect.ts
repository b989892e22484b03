import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { SchemaInfo } from './schema.model.js';

export async function readSchemas(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, SchemaInfo>> {
  const { rows } = await client.query<{ name: string; comment: string | null }>(
    `SELECT n.nspname AS name, ${commentSql('n.oid', 'pg_namespace')} AS comment
       FROM pg_namespace n
      WHERE ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, SchemaInfo> = {};
  for (const row of rows) out[ids.schema(row.name)] = withComment({ name: row.name }, row.comment);
  return out;
}
