import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import { TYPE_ID } from '../user-type.js';
import type { RangeInfo } from './range.model.js';

/** Range types (pg_range), each with the name of its multirange type. */
export async function readRanges(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, RangeInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    subtype: string;
    subtype_opclass: string | null;
    collation: string | null;
    canonical: string | null;
    subtype_diff: string | null;
    multirange: string;
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name, format_type(r.rngsubtype, NULL) AS subtype,
            CASE WHEN NOT opc.opcdefault THEN format('%I.%I', opcn.nspname, opc.opcname) END AS subtype_opclass,
            CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
                 THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = r.rngcollation)
            END AS collation,
            CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
            CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
            format('%I.%I', mn.nspname, mt.typname) AS multirange,
            ${commentSql('t.oid', 'pg_type')} AS comment
       FROM pg_range r
       JOIN pg_type t ON t.oid = r.rngtypid
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_type st ON st.oid = r.rngsubtype
       JOIN pg_opclass opc ON opc.oid = r.rngsubopc
       JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
       JOIN pg_type mt ON mt.oid = r.rngmultitypid
       JOIN pg_namespace mn ON mn.oid = mt.typnamespace
      WHERE ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, RangeInfo> = {};
  for (const row of rows) {
    const range: RangeInfo = {
      schema: row.schema,
      name: row.name,
      subtype: row.subtype,
      multirange: row.multirange,
    };
    if (row.subtype_opclass !== null) range.subtypeOpclass = row.subtype_opclass;
    if (row.collation !== null) range.collation = row.collation;
    if (row.canonical !== null) range.canonical = row.canonical;
    if (row.subtype_diff !== null) range.subtypeDiff = row.subtype_diff;
    out[ids.type(row.id)] = withComment(range, row.comment);
  }
  return out;
}
