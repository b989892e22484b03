import { qualified, quoteIdent, terminated } from '../../render/sql-text.js';
import type { IndexInfo } from './index.model.js';

/**
 * pg_get_indexdef prints `ON ONLY` for an index of a partitioned table (pg_dump attaches the
 * partitions' indexes itself): without ONLY, Postgres builds it on every partition too.
 */
export function createIndexSql(index: IndexInfo): string {
  const name = ` INDEX ${quoteIdent(index.name)} ON `;
  return terminated(index.definition.replace(`${name}ONLY `, name));
}

export const dropIndexSql = (index: IndexInfo) => `DROP INDEX ${qualified(index.schema, index.name)};`;

/** Also the target of a comment on the index behind a constraint. */
export const indexCommentTarget = (schema: string, name: string) => `INDEX ${qualified(schema, name)}`;
