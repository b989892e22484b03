import type { Named } from '../../catalog/named.js';

export interface ViewInfo extends Named {
  materialized: boolean;
  /** pg_get_viewdef(oid, true), without the trailing semicolon. */
  definition: string;
  /** reloptions such as `security_invoker=true`, `check_option=local`, in the server's order. */
  options: string[];
  columnComments: Record<string, string>;
}
