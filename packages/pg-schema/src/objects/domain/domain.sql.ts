import { qualified, quoteIdent } from '../../render/sql-text.js';
import type { DomainInfo } from './domain.model.js';

export function createDomainSql(domain: DomainInfo): string {
  const parts = [`CREATE DOMAIN ${qualified(domain.schema, domain.name)} AS ${domain.baseType}`];
  if (domain.collation) parts.push(`COLLATE ${domain.collation}`);
  if (domain.default !== undefined) parts.push(`DEFAULT ${domain.default}`);
  if (domain.notNull) parts.push('NOT NULL');
  for (const [name, definition] of Object.entries(domain.constraints))
    parts.push(`CONSTRAINT ${quoteIdent(name)} ${definition}`);
  return `${parts.join(' ')};`;
}

/** `ALTER DOMAIN public.code`, the start of every in-place change. */
export const alterDomainSql = (domain: DomainInfo) => `ALTER DOMAIN ${qualified(domain.schema, domain.name)}`;

export const domainCommentTarget = (domain: DomainInfo) => `DOMAIN ${qualified(domain.schema, domain.name)}`;
