import type { Named } from '../../catalog/named.js';

export interface EnumInfo extends Named {
  values: string[];
}
