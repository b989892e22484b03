import type { BatchPart } from './batch.js';
import type { SqlStatement } from './sql-statements.js';

/**
 * How a statement may share a message with others when statements would otherwise each run in
 * autocommit (one message runs as one implicit transaction):
 * - `batch`: anything that runs in a transaction block;
 * - `alone`: statements that refuse a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, CREATE
 *   DATABASE, ...), transaction control, and CALL (a procedure may COMMIT): a message of their own;
 * - `commit-after`: ALTER TYPE ... ADD VALUE, whose new value cannot be used before it is committed:
 *   it ends its message.
 */
export type TransactionNeed = 'batch' | 'alone' | 'commit-after';

const ALONE = new Set([
  'TransactionStmt',
  'VacuumStmt',
  'ReindexStmt',
  'ClusterStmt',
  'CreatedbStmt',
  'DropdbStmt',
  'AlterDatabaseStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'AlterSystemStmt',
  'CreateSubscriptionStmt',
  'AlterSubscriptionStmt',
  'DropSubscriptionStmt',
  'DiscardStmt',
  'CallStmt',
  'CopyStmt',
]);

export function transactionNeed(statement: SqlStatement): TransactionNeed {
  const stmt = statement.stmt;
  if (ALONE.has(statement.kind)) return 'alone';
  if (!stmt) return 'batch';
  if ('IndexStmt' in stmt && stmt.IndexStmt.concurrent) return 'alone';
  if ('DropStmt' in stmt && stmt.DropStmt.concurrent) return 'alone';
  // ADD VALUE has newVal without oldVal; RENAME VALUE has both and needs no commit.
  if ('AlterEnumStmt' in stmt && stmt.AlterEnumStmt.newVal && !stmt.AlterEnumStmt.oldVal)
    return 'commit-after';
  return 'batch';
}

/**
 * Statements in one autocommit message at most. The message's implicit transaction holds a lock on
 * every object it creates until it ends (about 17 per table of a typical schema), and the server's
 * lock table is shared by all sessions: a 1000-table models file in one message took 17,000 locks
 * and, next to a replay of the same size, failed with `out of shared memory` (SQLSTATE 53200) on a
 * stock PG15. Autocommit would have run them one by one; a few hundred locks per message keep its
 * meaning at about one round trip per hundred statements.
 */
export const AUTOCOMMIT_MESSAGE_STATEMENTS = 100;

/**
 * Groups parts into as few messages as keep autocommit's meaning: each message runs as one
 * implicit transaction, so a statement that needs its own is sent alone, an ADD VALUE ends its
 * message, and no message holds more than AUTOCOMMIT_MESSAGE_STATEMENTS statements. Parts without
 * a statement (our own SET/RESET) always share and do not count.
 */
export function autocommitMessages(parts: BatchPart[]): BatchPart[][] {
  const messages: BatchPart[][] = [];
  let current: BatchPart[] = [];
  let statements = 0;
  const flush = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    statements = 0;
  };
  for (const part of parts) {
    const need = part.source ? transactionNeed(part.source.statement) : 'batch';
    if (need === 'alone') {
      flush();
      messages.push([part]);
      continue;
    }
    if (part.source && statements === AUTOCOMMIT_MESSAGE_STATEMENTS) flush();
    current.push(part);
    if (part.source) statements++;
    if (need === 'commit-after') flush();
  }
  flush();
  return messages;
}
