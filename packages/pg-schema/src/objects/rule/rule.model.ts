import type { Named } from '../../catalog/named.js';

/** A rewrite rule made with CREATE RULE (a view's own `_RETURN` rule is the view). */
export interface RuleInfo extends Named {
  /** The table or view it is on (its id); `schema` is that relation's schema. */
  relation: string;
  /** pg_get_ruledef(oid, true), without the trailing semicolon. */
  definition: string;
  /** pg_rewrite.ev_enabled: O on, D disabled, R replica only, A always. */
  enabled: 'O' | 'D' | 'R' | 'A';
}
