import { qualified, quoteIdent, quoteLiteral } from '../../render/sql-text.js';
import type { CollationInfo } from './collation.model.js';

/** The option list of CREATE COLLATION, e.g. `provider = icu, locale = 'und-u-ks-level2'`. */
export function collationOptions(collation: CollationInfo): string {
  const options = [`provider = ${collation.provider}`];
  if (collation.provider === 'libc') {
    const [lcCollate, lcCtype] = [collation.lcCollate ?? '', collation.lcCtype ?? ''];
    if (lcCollate === lcCtype) options.push(`locale = ${quoteLiteral(lcCollate)}`);
    else options.push(`lc_collate = ${quoteLiteral(lcCollate)}`, `lc_ctype = ${quoteLiteral(lcCtype)}`);
  } else {
    options.push(`locale = ${quoteLiteral(collation.locale ?? '')}`);
  }
  if (collation.rules !== undefined) options.push(`rules = ${quoteLiteral(collation.rules)}`);
  if (!collation.deterministic) options.push('deterministic = false');
  return options.join(', ');
}

export const collationName = (collation: { schema: string; name: string }) =>
  qualified(collation.schema, collation.name);

export const createCollationSql = (collation: CollationInfo) =>
  `CREATE COLLATION ${collationName(collation)} (${collationOptions(collation)});`;

export const dropCollationSql = (collation: { schema: string; name: string }) =>
  `DROP COLLATION ${collationName(collation)};`;

export const renameCollationSql = (collation: CollationInfo, newName: string) =>
  `ALTER COLLATION ${collationName(collation)} RENAME TO ${quoteIdent(newName)};`;

export const collationCommentTarget = (collation: CollationInfo) => `COLLATION ${collationName(collation)}`;
