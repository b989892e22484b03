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
  /** Expression of a STORED generated column. */
  generated?: string;
  /** Collation when it differs from the type's default, e.g. `"C"`. */
  collation?: string;
  comment?: string;
}

/** A column with the table that holds it: the entry of the column kind. */
export interface TableColumn {
  table: TableInfo;
  column: ColumnInfo;
}
