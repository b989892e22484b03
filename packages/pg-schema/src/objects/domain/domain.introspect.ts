import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import { TYPE_ID } from '../user-type.js';
import type { DomainInfo } from './domain.model.js';

export async function readDomains(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, DomainInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    base_type: string;
    not_null: boolean;
    default: string | null;
    collation: string | null;
    constraints: Record<string, string> | null;
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            format_type(t.typbasetype, t.typtypmod) AS base_type, t.typnotnull AS not_null, t.typdefault AS default,
            CASE WHEN t.typcollation <> 0 AND t.typcollation <> (SELECT typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
                 THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation)
            END AS collation,
            (SELECT json_object_agg(c.conname, pg_get_constraintdef(c.oid) ORDER BY c.conname)
               FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS constraints,
            ${commentSql('t.oid', 'pg_type')} AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, DomainInfo> = {};
  for (const row of rows) {
    const domain: DomainInfo = {
      schema: row.schema,
      name: row.name,
      baseType: row.base_type,
      notNull: row.not_null,
      constraints: row.constraints ?? {},
    };
    if (row.default !== null) domain.default = row.default;
    if (row.collation !== null) domain.collation = row.collation;
    out[ids.type(row.id)] = withComment(domain, row.comment);
  }
  return out;
}
