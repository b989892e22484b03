import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import { TYPE_ID } from '../user-type.js';
import type { CompositeInfo } from './composite.model.js';

/** Composite types made with CREATE TYPE ... AS (not the row types of tables and views). */
export async function readComposites(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, CompositeInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    attributes: CompositeInfo['attributes'];
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            (SELECT json_agg(json_strip_nulls(json_build_object(
                      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                        THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END))
                      ORDER BY a.attnum)
               FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
            ${commentSql('t.oid', 'pg_type')} AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
      WHERE t.typtype = 'c' AND c.relkind = 'c' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, CompositeInfo> = {};
  for (const row of rows) {
    out[ids.type(row.id)] = withComment(
      { schema: row.schema, name: row.name, attributes: row.attributes ?? [] },
      row.comment,
    );
  }
  return out;
}
