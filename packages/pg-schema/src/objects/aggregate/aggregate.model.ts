import type { Named } from '../../catalog/named.js';

/** An aggregate made with CREATE AGGREGATE (pg_proc prokind 'a' with its pg_aggregate row). */
export interface AggregateInfo extends Named {
  kind: 'normal' | 'ordered-set' | 'hypothetical';
  /** pg_get_function_identity_arguments, e.g. `integer`, `double precision ORDER BY double precision`. */
  identityArguments: string;
  /** pg_get_function_arguments: as declared, names included. */
  arguments: string;
  /** pg_get_function_result, e.g. `integer`. */
  result: string;
  /** The CREATE AGGREGATE options in pg_dump's order, e.g. `SFUNC = int4pl`, `INITCOND = '0'`. */
  options: string[];
}
