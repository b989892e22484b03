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
import { PgSchemaError } from '../../errors.js';
import { commentSql } from '../../introspect/comment-sql.js';
import { withComment } from '../../introspect/with-comment.js';
import type { ColumnInfo, ColumnStorage, IdentityInfo } from './column.model.js';

const COLLATION_NAME = `(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)`;

/**
 * Every column of every table read before, in position order, with its identity sequence. What
 * most columns do not have (an identity, a collation, storage or statistics of their own,
 * inheritance, compression, a generation expression) comes as one JSON field, NULL when there is
 * none: at 1000 tables there are ten thousand rows, and Node's cost is per field.
 */
export async function readColumns(client: ClientBase, filter: QueryParams, catalog: Catalog): Promise<void> {
  const columns = await client.query<{
    schema: string;
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    default: string | null;
    comment: string | null;
    identity: IdentityRow | null;
    extra: ExtraRow | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default,
            ${commentSql('a.attrelid', 'pg_class', 'a.attnum')} AS comment,
            -- A partition's identity is its parent's (PG17+ copies it onto partitions, PG15 does not).
            CASE WHEN a.attidentity <> '' AND sc.relname IS NOT NULL AND NOT c.relispartition THEN
              json_build_object('always', a.attidentity = 'a', 'seq_name', sc.relname, 'seq_type', format_type(s.seqtypid, NULL),
                                'seq_start', s.seqstart::text, 'seq_increment', s.seqincrement::text,
                                'seq_min', s.seqmin::text, 'seq_max', s.seqmax::text, 'seq_cache', s.seqcache::text,
                                'seq_cycle', s.seqcycle)
            END AS identity,
            CASE WHEN a.attgenerated <> '' OR (a.attcollation <> 0 AND a.attcollation <> t.typcollation)
                      OR a.attinhcount > 0 OR a.attstorage <> t.typstorage OR a.attstattarget <> -1 OR a.attcompression <> ''
            THEN json_build_object('generated', a.attgenerated,
                   'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ${COLLATION_NAME} END,
                   'inherit_count', a.attinhcount, 'local', a.attislocal, 'storage', a.attstorage, 'type_storage', t.typstorage,
                   'statistics', NULLIF(a.attstattarget, -1)::int, 'compression', a.attcompression)
            END AS extra
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
    const extra = row.extra;
    // pg_attrdef holds a generated column's expression: 's' stored, 'v' virtual (PG18+).
    if (extra?.generated && extra.generated !== 's' && extra.generated !== 'v') {
      throw new PgSchemaError(
        'UNSUPPORTED_OBJECT',
        `Column ${row.schema}.${row.table}.${row.name} is a generated column of a kind this engine does not know (pg_attribute.attgenerated '${extra.generated}'): it cannot be diffed.`,
      );
    }
    if ((extra?.generated === 's' || extra?.generated === 'v') && row.default !== null) {
      column.generated = row.default;
      if (extra.generated === 'v') column.generatedKind = 'virtual';
    } else if (row.default !== null) column.default = row.default;
    if (row.identity) column.identity = identityOf(row.identity);
    if (extra) {
      if (extra.collation !== null) column.collation = extra.collation;
      if (extra.inherit_count > 0) column.inherited = extra.local ? 'merged' : 'only';
      if (extra.storage !== extra.type_storage) {
        column.storage = STORAGE[extra.storage];
        column.defaultStorage = STORAGE[extra.type_storage];
      }
      if (extra.statistics !== null) column.statistics = extra.statistics;
      if (extra.compression) column.compression = COMPRESSION[extra.compression] ?? extra.compression;
    }
    table.columns.push(withComment(column, row.comment));
  }
}

/** The column facts most columns do not have (one JSON field of the column query). */
interface ExtraRow {
  generated: string;
  collation: string | null;
  inherit_count: number;
  local: boolean;
  storage: string;
  type_storage: string;
  statistics: number | null;
  compression: string;
}

const STORAGE: Record<string, ColumnStorage> = { p: 'plain', e: 'external', x: 'extended', m: 'main' };
const COMPRESSION: Record<string, string> = { p: 'pglz', l: 'lz4' };

/** The identity columns of the column query, with the sequence behind the identity. */
interface IdentityRow {
  always: boolean;
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
    always: row.always,
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
