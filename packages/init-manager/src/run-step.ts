import type { ClientBase } from 'pg';
import { BatchFailure, sendBatch, type BatchPart } from './batch.js';
import { InitManagerError } from './errors.js';
import { concurrentIndexOf, dropInvalidIndex } from './invalid-index.js';
import { formatSeconds, lockRetryDelay, sleep, type LockRetryPolicy } from './lock-retry.js';
import type { Logger } from './logger.js';
import type { MigrationStep } from './migration-file.js';
import {
  isLockTimeout,
  isServerError,
  lineOfError,
  statementError,
  type PgErrorFields,
} from './statement-error.js';
import type { SqlStatement } from './sql-statements.js';

/** One step of one migration, ready to run. */
export interface StepRun {
  client: ClientBase;
  fileName: string;
  step: MigrationStep;
  /** `up step 2 of 3` in messages; none for a migration of one step. */
  label?: string;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  retry: LockRetryPolicy;
  logger: Logger;
  /**
   * Statements that record the step: in its transaction, or right after it (transaction:false).
   * `durationSql` is the step's duration in ms as an SQL integer expression.
   */
  bookkeeping: (durationSql: string) => string[];
  /** The last line of the message when a statement fails. */
  advice: string;
}

/** Runs a step; throws MigrationStatementError (or InitManagerError) after rolling back what it can. */
export function runStep(run: StepRun): Promise<void> {
  return run.step.transaction ? runTransactionalStep(run) : runAutocommitStep(run);
}

/**
 * The whole step in one message: BEGIN, the timeouts (SET LOCAL: they end with the transaction),
 * the statements, the bookkeeping, COMMIT. A lock timeout rolls it back and sends it again later.
 */
async function runTransactionalStep(run: StepRun): Promise<void> {
  const { client, fileName } = run;
  const parts: BatchPart[] = [
    { sql: 'BEGIN', control: true },
    { sql: `SET LOCAL lock_timeout = ${run.lockTimeoutMs}` },
    { sql: `SET LOCAL statement_timeout = ${run.statementTimeoutMs}` },
    ...run.step.statements.map((statement) => ({ sql: statement.sql, source: { fileName, statement } })),
    // now() is when BEGIN ran: the step's own duration, measured by the server.
    ...run.bookkeeping('(extract(epoch FROM clock_timestamp() - now()) * 1000)::int').map((sql) => ({ sql })),
    { sql: 'COMMIT', control: true },
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await sendBatch(client, parts);
      return;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (!(error instanceof BatchFailure)) throw error;
      const statement = error.part?.source?.statement;
      if (isLockTimeout(error.pgError) && attempt <= run.retry.retries) {
        await waitBeforeRetry(run, attempt, where(run, statement, error.pgError), error.pgError, 'step');
        continue;
      }
      if (!statement) throw unlocated(fileName, error.pgError);
      throw statementError(fileName, statement, error.pgError, adviceAfter(run, attempt, error.pgError));
    }
  }
}

/**
 * A `transaction:false` step: statement by statement in autocommit (CREATE INDEX CONCURRENTLY,
 * ALTER TYPE ... ADD VALUE used later). A lock timeout retries the statement that timed out; the
 * ones before it stay applied. The bookkeeping follows in one message (one implicit transaction).
 */
async function runAutocommitStep(run: StepRun): Promise<void> {
  const { client, fileName } = run;
  const started = performance.now();
  await client.query(
    `SET lock_timeout = ${run.lockTimeoutMs}; SET statement_timeout = ${run.statementTimeoutMs}`,
  );
  try {
    for (const statement of run.step.statements) await runAutocommitStatement(run, statement);
    try {
      const durationMs = Math.round(performance.now() - started);
      await sendBatch(
        client,
        run.bookkeeping(String(durationMs)).map((sql) => ({ sql })),
      );
    } catch (error) {
      if (!(error instanceof BatchFailure)) throw error;
      throw unlocated(fileName, error.pgError);
    }
  } finally {
    await client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
  }
}

async function runAutocommitStatement(run: StepRun, statement: SqlStatement): Promise<void> {
  const index = concurrentIndexOf(statement);
  for (let attempt = 1; ; attempt++) {
    try {
      // A build that failed before (or the previous attempt, cancelled by lock_timeout) left an
      // INVALID index under this name: drop it so this statement really builds the index.
      if (index) await dropInvalidIndex(run.client, index, `${run.fileName}:${statement.line}`, run.logger);
      await run.client.query(statement.sql);
      return;
    } catch (error) {
      if (!isServerError(error)) throw error;
      if (isLockTimeout(error) && attempt <= run.retry.retries) {
        await waitBeforeRetry(run, attempt, where(run, statement, error), error, 'statement');
        continue;
      }
      throw statementError(run.fileName, statement, error, adviceAfter(run, attempt, error));
    }
  }
}

async function waitBeforeRetry(
  run: StepRun,
  attempt: number,
  at: string,
  error: PgErrorFields,
  what: 'step' | 'statement',
): Promise<void> {
  const wait = lockRetryDelay(run.retry, attempt);
  const undone = what === 'step' ? 'the step rolled back' : 'the statements before it stay applied';
  run.logger.warn(
    `lock timeout at ${at}: ${error.message}; attempt ${attempt} of ${run.retry.retries + 1} failed (${undone}), ` +
      `retrying the ${what} in ${formatSeconds(wait)}`,
  );
  await sleep(wait);
}

/** `0005_add_fk.sql:12 (up step 2 of 3)` */
function where(run: StepRun, statement: SqlStatement | undefined, error: PgErrorFields): string {
  const line = statement ? lineOfError(statement, error.position) : run.step.line;
  return `${run.fileName}:${line}${run.label ? ` (${run.label})` : ''}`;
}

function adviceAfter(run: StepRun, attempt: number, error: PgErrorFields): string {
  if (!isLockTimeout(error) || attempt === 1) return run.advice;
  return (
    `Gave up after ${attempt} attempts (lockRetries = ${run.retry.retries}): each time another session held ` +
    `a lock this statement needs for longer than lock_timeout. ${run.advice} ` +
    `To see what holds it: SELECT pid, state, xact_start, query FROM pg_stat_activity ` +
    `WHERE datname = current_database() ORDER BY xact_start; raise lockRetries or lockTimeoutMs to wait longer.`
  );
}

/** A failure outside the file's statements (COMMIT, bookkeeping): worded as before. */
function unlocated(fileName: string, error: PgErrorFields): InitManagerError {
  return new InitManagerError('MIGRATION_FAILED', `${fileName}: ${error.message}`, [
    { file: fileName, message: error.message },
  ]);
}
