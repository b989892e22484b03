import type { ClientBase } from 'pg';
import { InitManagerError } from './errors.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { Direction, MigrationFile, MigrationStep } from './migration-file.js';
import {
  DEFAULT_MIGRATIONS_TABLE,
  deleteAppliedSql,
  ensureMigrationsTable,
  insertAppliedSql,
} from './migrations-table.js';
import type { TableName } from './sql-identifiers.js';
import { missingRoleAdvice, missingRoleOf } from './missing-role.js';
import type { SqlStatement } from './sql-statements.js';

export interface ApplyOptions {
  /** Where applied versions are recorded; default public.schema_migrations. */
  table?: TableName;
  /** lock_timeout for migration statements; default 10 s (a blocked ALTER must not stall traffic). */
  lockTimeoutMs?: number;
  /** statement_timeout for migration statements; default 30 min; 0 disables it. */
  statementTimeoutMs?: number;
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

/** A statement that Postgres refused, located in its file. */
export class MigrationStatementError extends InitManagerError {
  readonly fileName: string;
  readonly line: number;
  readonly pgCode?: string;
  readonly statement: string;

  constructor(
    fileName: string,
    line: number,
    pgError: PgErrorFields,
    statement: string,
    partial: boolean,
    advice?: string,
  ) {
    const detail = [pgError.detail && `detail: ${pgError.detail}`, pgError.hint && `hint: ${pgError.hint}`]
      .filter(Boolean)
      .join('; ');
    super(
      'MIGRATION_FAILED',
      `${fileName}:${line}: ${pgError.message}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}` +
        `${detail ? `\n  ${detail}` : ''}\n  ` +
        (advice ??
          (partial
            ? 'This section runs outside a transaction (transaction:false): the statements before this one stay applied; fix the file so it can be re-run (IF NOT EXISTS), then start again.'
            : 'Nothing of this migration was applied (it runs in one transaction). Fix the statement, then start again.')),
      [{ file: fileName, line, message: pgError.message }],
    );
    this.fileName = fileName;
    this.line = line;
    this.pgCode = pgError.code;
    this.statement = statement;
  }
}

interface PgErrorFields {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 30 * 60_000;

/**
 * Applies migrations in order, each in its own transaction together with its schema_migrations
 * row (a `transaction:false` step runs statement by statement and the row follows its success).
 * Stops at the first failure and returns results instead of throwing, as Kysely's migrator does.
 */
export async function applyMigrations(
  client: ClientBase,
  migrations: MigrationFile[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const table = options.table ?? DEFAULT_MIGRATIONS_TABLE;
  const record = options.record ?? true;
  const logger = options.logger ?? silentLogger;
  if (record && migrations.length > 0) await ensureMigrationsTable(client, table);
  const results: MigrationResult[] = migrations.map((migration) => resultOf(migration, 'up', 'not-run', 0));
  for (const [index, migration] of migrations.entries()) {
    const started = performance.now();
    try {
      await runSteps(client, migration, 'up', options, (elapsed) =>
        record ? insertAppliedSql(table, { ...migration, durationMs: elapsed }) : undefined,
      );
      results[index] = resultOf(migration, 'up', 'applied', performance.now() - started);
      logger.info(`applied ${migration.fileName} in ${Math.round(performance.now() - started)} ms`);
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
  const table = options.table ?? DEFAULT_MIGRATIONS_TABLE;
  const record = options.record ?? true;
  const started = performance.now();
  try {
    await runSteps(client, migration, 'down', options, () =>
      record ? deleteAppliedSql(table, migration.version) : undefined,
    );
    return { result: resultOf(migration, 'down', 'reverted', performance.now() - started) };
  } catch (error) {
    return {
      result: resultOf(migration, 'down', 'failed', performance.now() - started),
      error: asInitManagerError(error, migration),
    };
  }
}

/**
 * Runs the steps of one direction. `finalStatement` (the bookkeeping row) goes into the last step's
 * transaction, or right after it when that step is not transactional.
 */
async function runSteps(
  client: ClientBase,
  migration: MigrationFile,
  direction: Direction,
  options: ApplyOptions,
  finalStatement: (elapsedMs: number) => string | undefined,
): Promise<void> {
  const steps = migration[direction];
  const started = performance.now();
  for (const [index, step] of steps.entries()) {
    const isLast = index === steps.length - 1;
    const bookkeeping = isLast ? () => finalStatement(performance.now() - started) : () => undefined;
    await runStep(client, migration.fileName, step, options, bookkeeping);
  }
  if (steps.length === 0) {
    const sql = finalStatement(0);
    if (sql) await client.query(sql);
  }
}

async function runStep(
  client: ClientBase,
  fileName: string,
  step: MigrationStep,
  options: ApplyOptions,
  bookkeeping: () => string | undefined,
): Promise<void> {
  const lockTimeout = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  if (step.transaction) {
    await client.query('BEGIN');
    try {
      // SET LOCAL: the timeouts end with the transaction, whatever happens.
      await client.query(
        `SET LOCAL lock_timeout = ${lockTimeout}; SET LOCAL statement_timeout = ${statementTimeout}`,
      );
      for (const statement of step.statements) await runStatement(client, fileName, statement, false);
      const sql = bookkeeping();
      if (sql) await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return;
  }
  await client.query(`SET lock_timeout = ${lockTimeout}; SET statement_timeout = ${statementTimeout}`);
  try {
    for (const statement of step.statements) await runStatement(client, fileName, statement, true);
    const sql = bookkeeping();
    if (sql) await client.query(sql);
  } finally {
    await client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
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
    const pgError = error as PgErrorFields;
    if (typeof pgError.message !== 'string' || (!pgError.code && !('severity' in (error as object))))
      throw error;
    const role = missingRoleOf(statement, pgError);
    throw new MigrationStatementError(
      fileName,
      lineOfError(statement, pgError.position),
      pgError,
      statement.sql,
      partial,
      role === undefined ? undefined : missingRoleAdvice(role, partial),
    );
  }
}

/** Postgres reports a 1-based character position inside the statement; turn it into a file line. */
function lineOfError(statement: SqlStatement, position: string | undefined): number {
  const offset = position ? Number(position) - 1 : 0;
  if (!Number.isFinite(offset) || offset <= 0) return statement.line;
  return statement.line + (statement.sql.slice(0, offset).match(/\n/g)?.length ?? 0);
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
