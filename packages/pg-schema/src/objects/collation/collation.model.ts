import type { Named } from '../../catalog/named.js';

/** A collation made with CREATE COLLATION. */
export interface CollationInfo extends Named {
  provider: 'libc' | 'icu' | 'builtin';
  /** ICU and builtin providers: the locale, e.g. `und-u-ks-level2`. */
  locale?: string;
  /** libc provider: LC_COLLATE and LC_CTYPE. */
  lcCollate?: string;
  lcCtype?: string;
  deterministic: boolean;
  /** ICU tailoring rules (PG16+). */
  rules?: string;
}
