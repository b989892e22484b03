import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { SequenceInfo, SequenceOptions } from './sequence.model.js';

/** Standalone sequences (identity sequences belong to their column and are read with it). */
export async function readSequences(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, SequenceInfo>> {
  const { rows } = await client.query<
    {
      schema: string;
      name: string;
      owner_schema: string | null;
      owner_table: string | null;
      owner_column: string | null;
      comment: string | null;
    } & SequenceOptions
  >(
    `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
            s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
            s.seqcache::text AS cache, s.seqcycle AS cycle,
            tn.nspname AS owner_schema, tc.relname AS owner_table, a.attname AS owner_column,
            ${commentSql('c.oid', 'pg_class')} AS comment
       FROM pg_sequence s
       JOIN pg_class c ON c.oid = s.seqrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class tc ON tc.oid = d.refobjid
       LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
        AND (d.deptype IS NULL OR d.deptype = 'a')
      ORDER BY 1, 2`,
    [filter.schemas],
  );
  const out: Record<string, SequenceInfo> = {};
  for (const row of rows) {
    const sequence: SequenceInfo = {
      schema: row.schema,
      name: row.name,
      type: row.type,
      start: row.start,
      increment: row.increment,
      min: row.min,
      max: row.max,
      cache: row.cache,
      cycle: row.cycle,
    };
    if (row.owner_table && row.owner_schema && row.owner_column) {
      sequence.ownedBy = { table: ids.table(row.owner_schema, row.owner_table), column: row.owner_column };
    }
    out[ids.sequence(row.schema, row.name)] = withComment(sequence, row.comment);
  }
  return out;
}
