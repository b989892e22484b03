import type { ClientBase } from 'pg';
import type { Logger } from './logger.js';
import { quoteIdent } from './sql-identifiers.js';
import type { SqlStatement } from './sql-statements.js';

/** The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON table` builds. */
export interface ConcurrentIndex {
  index: string;
  /** The table as written (schema-qualified or resolved on search_path, as CREATE INDEX does). */
  table: string;
}

/** Read from the parse tree; undefined for every other statement (and for unnamed indexes). */
export function concurrentIndexOf(statement: SqlStatement): ConcurrentIndex | undefined {
  const stmt = statement.stmt;
  if (!stmt || !('IndexStmt' in stmt)) return undefined;
  const { idxname, relation, concurrent } = stmt.IndexStmt;
  if (!concurrent || !idxname || !relation?.relname) return undefined;
  const table = relation.schemaname
    ? `${quoteIdent(relation.schemaname)}.${quoteIdent(relation.relname)}`
    : quoteIdent(relation.relname);
  return { index: idxname, table };
}

/**
 * A concurrent build that failed (or was cancelled, e.g. by lock_timeout) leaves the index behind,
 * INVALID but with its name taken, so `IF NOT EXISTS` would skip it and a plain CREATE would fail.
 * Finds such an index on the statement's table and drops it (`DROP INDEX CONCURRENTLY`, which does
 * not block writes), so the statement builds it again. Returns whether it dropped one.
 */
export async function dropInvalidIndex(
  client: ClientBase,
  target: ConcurrentIndex,
  where: string,
  logger: Logger,
): Promise<boolean> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND c.relname = $1 AND i.indrelid = to_regclass($2)`,
    [target.index, target.table],
  );
  if (rows.length === 0) return false;
  const name = rows[0].name;
  logger.warn(
    `${where}: index ${name} is INVALID (a concurrent build of it failed or was interrupted before): ` +
      `dropping it (DROP INDEX CONCURRENTLY) and building it again`,
  );
  await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  return true;
}
