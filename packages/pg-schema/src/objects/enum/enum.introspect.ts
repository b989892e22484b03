import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import { TYPE_ID } from '../user-type.js';
import type { EnumInfo } from './enum.model.js';

export async function readEnums(client: ClientBase, filter: QueryParams): Promise<Record<string, EnumInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    values: string[];
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
            ${commentSql('t.oid', 'pg_type')} AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, EnumInfo> = {};
  for (const row of rows) {
    out[ids.type(row.id)] = withComment(
      { schema: row.schema, name: row.name, values: row.values },
      row.comment,
    );
  }
  return out;
}
