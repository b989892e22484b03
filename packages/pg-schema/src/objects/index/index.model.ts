import type { Named } from '../../catalog/named.js';

export interface IndexInfo extends Named {
  /** Id of the indexed table (or materialized view). */
  table: string;
  /** pg_get_indexdef: `CREATE UNIQUE INDEX x ON public.t USING btree (lower(email)) WHERE ...`. */
  definition: string;
  /** Storage parameters (reloptions) such as `fillfactor=50`; the definition's WITH (...) holds them too. */
  options?: string[];
}
