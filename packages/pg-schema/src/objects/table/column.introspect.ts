import type { ClientBase } from 'pg';
import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import {
  inSchemas,
  notExtensionMember,
  notIgnored,
  params,
  type QueryParams,
} from '../../introspect/filter.js';
import { commentSql } from '../../introspect/comment-sql.js';
import { withComment } from '../../introspect/with-comment.js';
import type { ColumnInfo, ColumnStorage, IdentityInfo } from './column.model.js';

const COLLATION_NAME = `(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)`;

/** Every column of every table read before, in position order, with its identity sequence. */
export async function readColumns(client: ClientBase, filter: QueryParams, catalog: Catalog): Promise<void> {
  const columns = await client.query<
    {
      schema: string;
      table: string;
      name: string;
      type: string;
      not_null: boolean;
      default: string | null;
      generated: string;
      collation: string | null;
      comment: string | null;
      inherit_count: number;
      local: boolean;
      partition: boolean;
      storage: string;
      type_storage: string;
      statistics: number | null;
      compression: string;
    } & IdentityRow
  >(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity,
            a.attgenerated AS generated,
            CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ${COLLATION_NAME} END AS collation,
            ${commentSql('a.attrelid', 'pg_class', 'a.attnum')} AS comment,
            sc.relname AS seq_name, format_type(s.seqtypid, NULL) AS seq_type, s.seqstart::text AS seq_start,
            s.seqincrement::text AS seq_increment, s.seqmin::text AS seq_min, s.seqmax::text AS seq_max,
            s.seqcache::text AS seq_cache, s.seqcycle AS seq_cycle,
            a.attinhcount AS inherit_count, a.attislocal AS local, c.relispartition AS partition,
            a.attstorage AS storage, t.typstorage AS type_storage,
            NULLIF(a.attstattarget, -1)::int AS statistics, a.attcompression AS compression
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
       LEFT JOIN pg_depend d ON a.attidentity <> '' AND d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid
                            AND d.refobjsubid = a.attnum AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'
       LEFT JOIN pg_sequence s ON s.seqrelid = d.objid
       LEFT JOIN pg_class sc ON sc.oid = s.seqrelid
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY n.nspname, c.relname, a.attnum`,
    params(filter),
  );
  for (const row of columns.rows) {
    const table = catalog.tables[ids.table(row.schema, row.table)];
    if (!table) continue;
    const column: ColumnInfo = { name: row.name, type: row.type, notNull: row.not_null };
    if (row.generated === 's' && row.default !== null) column.generated = row.default;
    else if (row.default !== null) column.default = row.default;
    // A partition's identity is its parent's (PG17+ copies it onto partitions, PG15 does not).
    if (row.identity && row.seq_name && !row.partition) column.identity = identityOf(row);
    if (row.collation !== null) column.collation = row.collation;
    if (row.inherit_count > 0) column.inherited = row.local ? 'merged' : 'only';
    if (row.storage !== row.type_storage) {
      column.storage = STORAGE[row.storage];
      column.defaultStorage = STORAGE[row.type_storage];
    }
    if (row.statistics !== null) column.statistics = row.statistics;
    if (row.compression) column.compression = COMPRESSION[row.compression] ?? row.compression;
    table.columns.push(withComment(column, row.comment));
  }
}

const STORAGE: Record<string, ColumnStorage> = { p: 'plain', e: 'external', x: 'extended', m: 'main' };
const COMPRESSION: Record<string, string> = { p: 'pglz', l: 'lz4' };

/** The identity columns of the column query, with the sequence behind the identity. */
interface IdentityRow {
  identity: string;
  seq_name: string | null;
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
}

function identityOf(row: IdentityRow): IdentityInfo {
  return {
    always: row.identity === 'a',
    sequenceName: row.seq_name ?? '',
    type: row.seq_type ?? 'bigint',
    start: row.seq_start ?? '1',
    increment: row.seq_increment ?? '1',
    min: row.seq_min ?? '1',
    max: row.seq_max ?? '',
    cache: row.seq_cache ?? '1',
    cycle: row.seq_cycle ?? false,
  };
}
