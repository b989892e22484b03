import type { Named } from '../../catalog/named.js';

export interface DomainInfo extends Named {
  /** format_type of the base type, e.g. `numeric(12,2)`. */
  baseType: string;
  notNull: boolean;
  default?: string;
  collation?: string;
  /** constraint name -> definition, e.g. `CHECK ((VALUE > (0)::numeric))`. */
  constraints: Record<string, string>;
}
