import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { RELOPTIONS } from '../../introspect/reloptions.js';
import { withComment } from '../../introspect/with-comment.js';
import type { ViewInfo } from './view.model.js';

export async function readViews(client: ClientBase, filter: QueryParams): Promise<Record<string, ViewInfo>> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    kind: string;
    definition: string;
    options: string[] | null;
    column_comments: Record<string, string> | null;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, pg_get_viewdef(c.oid, true) AS definition,
            ${RELOPTIONS('c')} AS options,
            (SELECT json_object_agg(a.attname, d.description ORDER BY a.attname)
               FROM pg_description d JOIN pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid
              WHERE d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid > 0) AS column_comments,
            ${commentSql('c.oid', 'pg_class')} AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY 1, 2`,
    [filter.schemas],
  );
  const out: Record<string, ViewInfo> = {};
  for (const row of rows) {
    out[ids.view(row.schema, row.name)] = withComment(
      {
        schema: row.schema,
        name: row.name,
        materialized: row.kind === 'm',
        definition: row.definition.trim().replace(/;$/, ''),
        options: row.options ?? [],
        columnComments: row.column_comments ?? {},
      },
      row.comment,
    );
  }
  return out;
}
