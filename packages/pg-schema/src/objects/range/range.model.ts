import type { Named } from '../../catalog/named.js';

/**
 * A range type made with CREATE TYPE ... AS RANGE, with the multirange type, constructor
 * functions and array types Postgres makes along with it (one object: they are never diffed on
 * their own).
 */
export interface RangeInfo extends Named {
  /** format_type of the subtype, e.g. `double precision`. */
  subtype: string;
  /** The subtype's B-tree operator class when not its default, e.g. `pg_catalog.text_pattern_ops`. */
  subtypeOpclass?: string;
  /** The collation when not the subtype's default, e.g. `pg_catalog."C"`. */
  collation?: string;
  /** Functions, as regproc prints them (`float8mi`, `public.f`). */
  canonical?: string;
  subtypeDiff?: string;
  /** The multirange type, schema-qualified, e.g. `public.floatmultirange`. */
  multirange: string;
}
