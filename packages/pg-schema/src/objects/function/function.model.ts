import type { Named } from '../../catalog/named.js';

export interface FunctionInfo extends Named {
  /** `f` function, `p` procedure, `a` aggregate, `w` window. */
  kind: 'f' | 'p' | 'a' | 'w';
  /** Identity arguments, e.g. `integer, text`. */
  identityArguments: string;
  /** pg_get_function_result, e.g. `trigger`, `SETOF public.users`. */
  result?: string;
  /** Argument names and defaults as declared (a change needs DROP + CREATE). */
  arguments: string;
  /** pg_get_functiondef: a complete `CREATE OR REPLACE FUNCTION ...`. */
  definition: string;
}
