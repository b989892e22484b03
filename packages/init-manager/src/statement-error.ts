import { InitManagerError } from './errors.js';
import { missingRoleAdvice, missingRoleOf } from './missing-role.js';
import type { SqlStatement } from './sql-statements.js';

/** The fields of a Postgres ErrorResponse that messages use (pg's DatabaseError has them all). */
export interface PgErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  /** 1-based character position inside the query text that was sent. */
  position?: string;
}

/** What to do next when a transactional migration of one step fails (the message's last line). */
export const ROLLED_BACK_ADVICE =
  'Nothing of this migration was applied (it runs in one transaction). Fix the statement, then start again.';
/** The same for a `transaction:false` step of a one-step migration. */
export const PARTIAL_ADVICE =
  'This section runs outside a transaction (transaction:false): the statements before this one stay applied; fix the file so it can be re-run (IF NOT EXISTS), then start again.';

/** A statement that Postgres refused, located in its file. */
export class MigrationStatementError extends InitManagerError {
  readonly fileName: string;
  readonly line: number;
  readonly pgCode?: string;
  readonly statement: string;

  /**
   * `advice` is the last line: a boolean picks today's wording for one-step migrations (true: the
   * statement ran outside a transaction); a string replaces it (multi-step migrations, retries).
   */
  constructor(
    fileName: string,
    line: number,
    pgError: PgErrorFields,
    statement: string,
    advice: boolean | string,
  ) {
    const detail = [pgError.detail && `detail: ${pgError.detail}`, pgError.hint && `hint: ${pgError.hint}`]
      .filter(Boolean)
      .join('; ');
    const next = adviceText(advice);
    super(
      'MIGRATION_FAILED',
      `${fileName}:${line}: ${pgError.message}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}` +
        `${detail ? `\n  ${detail}` : ''}\n  ${next}`,
      [{ file: fileName, line, message: pgError.message }],
    );
    this.fileName = fileName;
    this.line = line;
    this.pgCode = pgError.code;
    this.statement = statement;
  }
}

function adviceText(advice: boolean | string): string {
  return typeof advice === 'string' ? advice : advice ? PARTIAL_ADVICE : ROLLED_BACK_ADVICE;
}

/** An error that the server sent (as opposed to a broken connection or a bug). */
export function isServerError(error: unknown): error is PgErrorFields & Error {
  if (!(error instanceof Error)) return false;
  const code: unknown = Reflect.get(error, 'code');
  const severity: unknown = Reflect.get(error, 'severity');
  // Node's own errors carry codes too (ECONNRESET): a SQLSTATE is five digits or capitals.
  return typeof severity === 'string' || (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code));
}

/** Postgres reports a 1-based character position inside the statement; turn it into a file line. */
export function lineOfError(statement: SqlStatement, position: string | undefined): number {
  const offset = position ? Number(position) - 1 : 0;
  if (!Number.isFinite(offset) || offset <= 0) return statement.line;
  return statement.line + (statement.sql.slice(0, offset).match(/\n/g)?.length ?? 0);
}

/** The error of one statement as a MigrationStatementError (`position` relative to the statement). */
export function statementError(
  fileName: string,
  statement: SqlStatement,
  pgError: PgErrorFields,
  advice: boolean | string,
): MigrationStatementError {
  // A missing role has one fix whatever the step: provision it (migrations never create roles).
  const role = missingRoleOf(statement, pgError);
  const cause =
    role !== undefined ? missingRoleAdvice(role) : isLockTableFull(pgError) ? LOCK_TABLE_ADVICE : '';
  const next = adviceText(advice);
  return new MigrationStatementError(
    fileName,
    lineOfError(statement, pgError.position),
    pgError,
    statement.sql,
    cause ? `${cause} ${next}` : next,
  );
}

/**
 * `out of shared memory` with the server's max_locks_per_transaction hint: the statement is fine,
 * the transaction is too big for the lock table that all sessions share.
 */
export function isLockTableFull(error: PgErrorFields): boolean {
  return error.code === '53200' && /max_locks_per_transaction/.test(error.hint ?? '');
}

export const LOCK_TABLE_ADVICE =
  "The server's lock table is full: a transaction holds a lock on every object it creates or changes until it ends, and all sessions share the table (max_locks_per_transaction × max_connections). Split this migration into smaller ones, or raise max_locks_per_transaction on the server.";

/** lock_not_available: lock_timeout ran out (or NOWAIT found the lock taken). */
export function isLockTimeout(error: PgErrorFields): boolean {
  return error.code === '55P03';
}
