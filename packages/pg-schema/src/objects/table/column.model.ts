import type { SequenceOptions } from '../sequence/sequence.model.js';
import type { TableInfo } from './table.model.js';

export interface IdentityInfo extends SequenceOptions {
  always: boolean;
  /** The identity sequence's own name (Postgres picks `table_column_seq` unless told otherwise). */
  sequenceName: string;
}

export interface ColumnInfo {
  name: string;
  /** format_type with typmod, e.g. `character varying(100)`, `public.mood`, `integer[]`. */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: IdentityInfo;
  /** Expression of a generated column (pg_attribute.attgenerated 's' or, PG18+, 'v'). */
  generated?: string;
  /**
   * `virtual` for a VIRTUAL generated column (PG18+: computed when read, nothing stored; on PG18
   * `GENERATED ALWAYS AS (expr)` without STORED is one). Absent with `generated`: STORED.
   */
  generatedKind?: 'virtual';
  /** Collation when it differs from the type's default, e.g. `"C"`. */
  collation?: string;
  comment?: string;
  /**
   * A column the table has from its parents (pg_attribute.attinhcount > 0): `only` when its
   * parents alone declare it (attislocal false: it goes when they drop it; every column of a
   * partition), `merged` when the table declares it too (it stays when they drop it).
   */
  inherited?: 'only' | 'merged';
  /** SET STORAGE when it differs from the type's default (attstorage vs typstorage). */
  storage?: ColumnStorage;
  /** The type's default storage, kept with `storage` so that it can be set back. */
  defaultStorage?: ColumnStorage;
  /** SET STATISTICS target when set (PG15 stores -1 for the default, PG17+ NULL: both read as absent). */
  statistics?: number;
  /** SET COMPRESSION method when set, e.g. `pglz`, `lz4`. */
  compression?: string;
}

export type ColumnStorage = 'plain' | 'external' | 'extended' | 'main';

/** A column with the table that holds it: the entry of the column kind. */
export interface TableColumn {
  table: TableInfo;
  column: ColumnInfo;
}
