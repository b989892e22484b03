import type { ClientBase } from 'pg';
import { InitManagerError } from './errors.js';
import { lockRetryPolicy } from './lock-retry.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { Direction, MigrationFile } from './migration-file.js';
import {
  clearProgressSql,
  createProgressTableSql,
  progressTableOf,
  readProgress,
  recordStepSql,
  type StepProgress,
} from './migration-progress.js';
import {
  DEFAULT_MIGRATIONS_TABLE,
  deleteAppliedSql,
  ensureMigrationsTable,
  insertAppliedSql,
} from './migrations-table.js';
import { runStep, type StepRun } from './run-step.js';
import { qualified, type TableName } from './sql-identifiers.js';
import type { SqlStatement } from './sql-statements.js';
import { isServerError, PARTIAL_ADVICE, ROLLED_BACK_ADVICE, statementError } from './statement-error.js';

export { MigrationStatementError } from './statement-error.js';

export interface ApplyOptions {
  /** Where applied versions are recorded; default public.schema_migrations. */
  table?: TableName;
  /**
   * Session default of lock_timeout for migration statements; default 10 s (a blocked ALTER must
   * not stall traffic). A `SET LOCAL lock_timeout` in a section wins for that section.
   */
  lockTimeoutMs?: number;
  /** statement_timeout for migration statements; default 30 min; 0 disables it. */
  statementTimeoutMs?: number;
  /**
   * How often a step that fails on lock_timeout (SQLSTATE 55P03) is rolled back and run again
   * (in a `transaction:false` step: the statement that timed out); default 5. 0 = never.
   */
  lockRetries?: number;
  /** Wait before the first such retry, doubled for each next one (jittered); default 500. */
  lockRetryDelayMs?: number;
  /** Cap of one wait between lock retries; default 10000. */
  lockRetryMaxDelayMs?: number;
  /** Record applied versions (false: run the SQL only, as for a down round trip check). */
  record?: boolean;
  logger?: Logger;
}

export type MigrationStatus = 'applied' | 'reverted' | 'failed' | 'not-run';

export interface MigrationResult {
  version: string;
  name: string;
  fileName: string;
  direction: Direction;
  status: MigrationStatus;
  durationMs: number;
}

export interface ApplyResult {
  results: MigrationResult[];
  /** Set when a migration failed; results say which ran, which failed and which did not run. */
  error?: InitManagerError;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 30 * 60_000;

/**
 * Applies migrations in order. Each step of a migration runs in its own transaction (sent as one
 * message) together with its bookkeeping: the last step's schema_migrations row, or for the steps
 * before it a progress row, so a migration stopped at step k resumes at step k. A
 * `transaction:false` step runs statement by statement and its bookkeeping follows its success.
 * Stops at the first failure and returns results instead of throwing, as Kysely's migrator does.
 */
export async function applyMigrations(
  client: ClientBase,
  migrations: MigrationFile[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const context = contextOf(client, options);
  if (context.record && migrations.length > 0) await ensureMigrationsTable(client, context.table);
  const progress = await progressFor(context, migrations, 'up');
  const results: MigrationResult[] = migrations.map((migration) => resultOf(migration, 'up', 'not-run', 0));
  for (const [index, migration] of migrations.entries()) {
    const started = performance.now();
    try {
      await runSteps(context, migration, 'up', progress);
      results[index] = resultOf(migration, 'up', 'applied', performance.now() - started);
      context.logger.info(`applied ${migration.fileName} in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      results[index] = resultOf(migration, 'up', 'failed', performance.now() - started);
      return { results, error: asInitManagerError(error, migration) };
    }
  }
  return { results };
}

/** Runs a migration's down steps and removes its row (when recorded). Returns instead of throwing. */
export async function revertMigration(
  client: ClientBase,
  migration: MigrationFile,
  options: ApplyOptions = {},
): Promise<{ result: MigrationResult; error?: InitManagerError }> {
  const context = contextOf(client, options);
  const started = performance.now();
  try {
    const progress = await progressFor(context, [migration], 'down');
    await runSteps(context, migration, 'down', progress);
    return { result: resultOf(migration, 'down', 'reverted', performance.now() - started) };
  } catch (error) {
    return {
      result: resultOf(migration, 'down', 'failed', performance.now() - started),
      error: asInitManagerError(error, migration),
    };
  }
}

/** Runs one statement; a Postgres error becomes a MigrationStatementError naming the file line. */
export async function runStatement(
  client: ClientBase,
  fileName: string,
  statement: SqlStatement,
  partial: boolean,
): Promise<void> {
  try {
    await client.query(statement.sql);
  } catch (error) {
    if (!isServerError(error)) throw error;
    throw statementError(fileName, statement, error, partial);
  }
}

interface ApplyContext {
  client: ClientBase;
  table: TableName;
  progressTable: TableName;
  record: boolean;
  logger: Logger;
  run: Pick<StepRun, 'lockTimeoutMs' | 'statementTimeoutMs' | 'retry' | 'logger'>;
}

function contextOf(client: ClientBase, options: ApplyOptions): ApplyContext {
  const table = options.table ?? DEFAULT_MIGRATIONS_TABLE;
  const logger = options.logger ?? silentLogger;
  return {
    client,
    table,
    progressTable: progressTableOf(table),
    record: options.record ?? true,
    logger,
    run: {
      lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      retry: lockRetryPolicy(options),
      logger,
    },
  };
}

/** Progress rows matter only for migrations of several steps: others never write any. */
async function progressFor(
  context: ApplyContext,
  migrations: MigrationFile[],
  direction: Direction,
): Promise<StepProgress[]> {
  if (!context.record || !migrations.some((migration) => migration[direction].length > 1)) return [];
  return readProgress(context.client, context.progressTable);
}

/**
 * Runs the steps of one direction from where an earlier run stopped. The last step's bookkeeping
 * writes (up) or deletes (down) the schema_migrations row and clears the progress rows.
 */
async function runSteps(
  context: ApplyContext,
  migration: MigrationFile,
  direction: Direction,
  progress: StepProgress[],
): Promise<void> {
  const steps = migration[direction];
  const { from, priorMs } = resumePoint(context, migration, direction, progress);
  if (steps.length === 0) {
    const sql = context.record ? finalSql(context, migration, direction, 1, '0') : [];
    if (sql.length > 0) await context.client.query(sql.join(';\n'));
    return;
  }
  let elapsedMs = priorMs;
  for (let index = from; index < steps.length; index++) {
    const started = performance.now();
    const number = index + 1;
    const multi = steps.length > 1;
    const bookkeeping = (durationSql: string): string[] => {
      if (!context.record) return [];
      const duration = `${Math.round(elapsedMs)} + ${durationSql}`;
      if (number === steps.length) return finalSql(context, migration, direction, steps.length, duration);
      const row = { version: migration.version, direction, step: number, steps: steps.length };
      return [
        createProgressTableSql(context.progressTable),
        recordStepSql(context.progressTable, { ...row, checksum: migration.checksum }, duration),
      ];
    };
    await runStep({
      ...context.run,
      client: context.client,
      fileName: migration.fileName,
      step: steps[index],
      label: multi ? `${direction} step ${number} of ${steps.length}` : undefined,
      bookkeeping,
      advice: adviceFor(context, direction, steps[index].transaction, number, steps.length),
    });
    elapsedMs += performance.now() - started;
  }
}

function finalSql(
  context: ApplyContext,
  migration: MigrationFile,
  direction: Direction,
  steps: number,
  duration: string,
): string[] {
  const row =
    direction === 'up'
      ? insertAppliedSql(context.table, { ...migration, durationMs: 0 }, duration)
      : deleteAppliedSql(context.table, migration.version);
  return steps > 1 ? [row, ...clearProgressSql(context.progressTable, migration.version)] : [row];
}

/** Where to start: after the steps recorded for this file, refusing when the file changed since. */
function resumePoint(
  context: ApplyContext,
  migration: MigrationFile,
  direction: Direction,
  progress: StepProgress[],
): { from: number; priorMs: number } {
  const rows = progress.filter(
    (row) => row.direction === direction && Number(row.version) === Number(migration.version),
  );
  if (rows.length === 0) return { from: 0, priorMs: 0 };
  const steps = migration[direction].length;
  const changed = rows.find((row) => row.checksum !== migration.checksum);
  if (changed) throw changedSinceStepsError(context, migration, direction, rows, changed);
  let done = 0;
  while (done < steps - 1 && rows.some((row) => row.step === done + 1)) done++;
  if (done === 0) return { from: 0, priorMs: 0 };
  const last = rows.find((row) => row.step === done);
  context.logger.info(
    `resuming ${migration.fileName} at ${direction} step ${done + 1} of ${steps}: ` +
      `step(s) 1-${done} completed before${last ? ` (last at ${last.completedAt.toISOString()})` : ''}`,
  );
  const priorMs = rows.filter((row) => row.step <= done).reduce((sum, row) => sum + row.durationMs, 0);
  return { from: done, priorMs };
}

function changedSinceStepsError(
  context: ApplyContext,
  migration: MigrationFile,
  direction: Direction,
  rows: StepProgress[],
  changed: StepProgress,
): InitManagerError {
  const done = Math.max(...rows.map((row) => row.step));
  const progress = qualified(context.progressTable);
  const version = `'${migration.version}'`;
  return new InitManagerError(
    'PARTIAL_MIGRATION_CHANGED',
    `Migration ${migration.fileName} was changed after ${direction} step(s) 1-${done} of it ran on this database ` +
      `(recorded with checksum ${changed.checksum}, the file now has ${migration.checksum}). It is not resumed: ` +
      `the steps that ran came from the old text. Nothing was changed. Either restore the file as it was ` +
      `(git log -p -- '*${migration.fileName}') and start again, so the migration finishes; or, after checking ` +
      `that the database matches the first ${done} step(s) of the new file, accept them:\n` +
      `  UPDATE ${progress} SET checksum = '${migration.checksum}' WHERE version = ${version};\n` +
      `or undo those steps by hand and forget them (the migration then runs from its first step):\n` +
      `  DELETE FROM ${progress} WHERE version = ${version};`,
    [{ file: migration.fileName, message: `changed after ${direction} step(s) 1-${done} ran` }],
  );
}

/** The last line of a failed statement's message: what stayed applied, and what the next start does. */
function adviceFor(
  context: ApplyContext,
  direction: Direction,
  transaction: boolean,
  step: number,
  steps: number,
): string {
  if (steps === 1) return transaction ? ROLLED_BACK_ADVICE : PARTIAL_ADVICE;
  const one = step === 2;
  const before = step === 1 ? '' : one ? 'step 1' : `steps 1-${step - 1}`;
  const stay = one ? 'stays applied' : 'stay applied';
  const recorded =
    before && context.record
      ? `${before} ${stay} and ${one ? 'is' : 'are'} recorded in ${qualified(context.progressTable)}, so the next start resumes at step ${step}`
      : before
        ? `${before} ${stay}`
        : '';
  if (transaction) {
    if (!before) {
      return `Nothing of this migration was applied (${direction} step 1 of ${steps} runs in one transaction and rolled back). Fix the statement, then start again.`;
    }
    return (
      `${cap(direction)} step ${step} of ${steps} rolled back (it runs in one transaction); ${recorded}. ` +
      `Fix the cause, then start again (after an edit of this file the next start refuses to resume: see PARTIAL_MIGRATION_CHANGED in docs/troubleshooting.md).`
    );
  }
  return (
    `${cap(direction)} step ${step} of ${steps} runs outside a transaction (transaction:false): its statements before this one stay applied` +
    `${recorded ? `, and ${recorded}` : ''}. ${context.record ? 'The next start runs this step again from its first statement, so it' : 'It'} must be ` +
    `re-runnable (IF NOT EXISTS). Fix the cause, then start again.`
  );
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asInitManagerError(error: unknown, migration: MigrationFile): InitManagerError {
  if (error instanceof InitManagerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InitManagerError('MIGRATION_FAILED', `${migration.fileName}: ${message}`, [
    { file: migration.fileName, message },
  ]);
}

function resultOf(
  migration: MigrationFile,
  direction: Direction,
  status: MigrationStatus,
  durationMs: number,
): MigrationResult {
  return {
    version: migration.version,
    name: migration.name,
    fileName: migration.fileName,
    direction,
    status,
    durationMs: Math.round(durationMs),
  };
}
