import type { Named } from '../../catalog/named.js';

export interface CompositeInfo extends Named {
  attributes: Array<{ name: string; type: string; collation?: string }>;
}
