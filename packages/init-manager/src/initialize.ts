import { hostname } from 'node:os';
import pg from 'pg';
import { acquireServiceLock, releaseServiceLock } from './advisory-lock.js';
import { applyMigrations, type MigrationResult } from './applier.js';
import { connectWithRetry, prepareLockSession } from './connect.js';
import { applyModels, CREATE_ALL_MARKER, modelsChecksum, readCreateAllMarker } from './create-all.js';
import { findSchemaObjects } from './database-objects.js';
import { explainAlreadyExists, explainOutOfOrder } from './history-repair.js';
import { resolveEnvironment } from './environment.js';
import { InitManagerError } from './errors.js';
import { consoleLogger, maskingLogger, type Logger } from './logger.js';
import { describeDatabaseUrl } from './mask-url.js';
import type { MigrationFile } from './migration-file.js';
import { progressTableOf, readProgress } from './migration-progress.js';
import { inspectMigrationsSum } from './migrations-sum.js';
import {
  DEFAULT_MIGRATIONS_TABLE,
  ensureMigrationsTable,
  insertAppliedSql,
  readAppliedMigrations,
  tableExists,
} from './migrations-table.js';
import { readModelFiles } from './model-sql.js';
import { pendingMigrations } from './pending.js';
import { listMigrationFileNames, readMigrations } from './read-migrations.js';
import { readHistoryTotal } from './restart-check.js';
import { parseTableName, type TableName } from './sql-identifiers.js';

export interface InitializeOptions {
  /** The service name: the lock key and the name used in every message. */
  service: string;
  /** The service's database. */
  databaseUrl: string;
  /**
   * A session-mode connection for migrations when `databaseUrl` goes through a transaction-pooling
   * proxy (PgBouncer in transaction mode cannot hold the advisory lock).
   */
  migrationDatabaseUrl?: string;
  migrationsDir: string;
  /** Models, for the development-only create-all fallback. */
  modelsDir?: string;
  /** Else ENVIRONMENT, else NODE_ENV, else development. */
  environment?: string;
  /** Default: on in development, local and test; never allowed in production or staging. */
  allowCreateAllFallback?: boolean;
  /** Schemas the service owns; default ["public"]. */
  schemas?: string[];
  /**
   * false: the create-all fallback leaves the models' GRANT / REVOKE / ALTER DEFAULT PRIVILEGES
   * out, as `managePrivileges: false` in migrate.config.json does for generation. Default true
   * (their roles must exist: migrations and the fallback never create roles).
   */
  privileges?: boolean;
  /** Default "public.schema_migrations". */
  migrationsTable?: string;
  /**
   * Session default of lock_timeout for migration statements; default 10000. A `SET LOCAL
   * lock_timeout` at the start of a section (as generated migrations have) wins for that section.
   */
  lockTimeoutMs?: number;
  /** Retries of a step that fails on lock_timeout (SQLSTATE 55P03), with backoff; default 5. */
  lockRetries?: number;
  /** Wait before the first lock retry, doubled for each next one (jittered); default 500. */
  lockRetryDelayMs?: number;
  /** Cap of one wait between lock retries; default 10000. */
  lockRetryMaxDelayMs?: number;
  /** statement_timeout for migration statements; default 1800000 (0 disables). */
  statementTimeoutMs?: number;
  /** How long to wait for another replica that holds the migration lock; default 300000. */
  lockWaitTimeoutMs?: number;
  /**
   * Total time to get the migration session, retrying with backoff while the server is not up yet
   * (refused, starting, too many connections, timed out); default 60000.
   */
  connectDeadlineMs?: number;
  /** Cap of one connection attempt; default: what is left of connectDeadlineMs. */
  connectTimeoutMs?: number;
  /**
   * Adopt a database built before migrations existed: record every migration up to this version as
   * applied without running it. Only used when the database has no schema_migrations table yet.
   */
  baselineVersion?: string;
  logger?: Logger;
}

export type InitializeMode = 'migrations' | 'create-all' | 'up-to-date' | 'baseline';

export interface InitializeResult {
  service: string;
  environment: string;
  mode: InitializeMode;
  applied: MigrationResult[];
  /** Migrations that were already applied. */
  skipped: number;
  durationMs: number;
  /** Where the time went (ms): reading and hashing the files, getting the session. */
  timings: { filesMs: number; connectMs: number };
}

/**
 * Brings a service's database to its latest migration, safely with many replicas starting at once:
 * checks the files against migrations.sum; when the recorded history already equals the files (one
 * query, no lock, no parsing) it is done. Otherwise it takes the service's advisory lock while the
 * files are parsed, refuses inconsistent history, and applies each pending migration step by step.
 * Throws InitManagerError.
 */
export async function initializeServiceDatabase(options: InitializeOptions): Promise<InitializeResult> {
  const started = performance.now();
  validateOptions(options);
  const logger = options.logger ? maskingLogger(options.logger) : consoleLogger(options.service);
  const environment = resolveEnvironment(options.environment);
  const table = options.migrationsTable ? parseTableName(options.migrationsTable) : DEFAULT_MIGRATIONS_TABLE;
  const schemas = options.schemas?.length ? options.schemas : ['public'];

  // Reading and hashing the files is cheap; parsing them (the WASM parser) is not, so it waits
  // until the database says there is something to do.
  const hasFiles = listMigrationFileNames(options.migrationsDir).length > 0;
  let sumTotal: string | undefined;
  if (hasFiles) {
    const sum = inspectMigrationsSum(options.migrationsDir);
    if (!sum.ok) {
      // Invalid files are reported first, as they were when every start parsed them.
      await readMigrations(options.migrationsDir);
      throw new InitManagerError(
        'SUM_MISMATCH',
        `migrations.sum does not match the migrations of service "${options.service}" in ${options.migrationsDir}:\n` +
          sum.problems.map((problem) => `  ${problem.message}`).join('\n'),
        sum.problems.map((problem) => ({ file: problem.file, message: problem.message })),
      );
    }
    sumTotal = sum.total;
  } else {
    checkNoMigrationsPolicy(options, environment);
  }
  const filesMs = performance.now() - started;

  const url = options.migrationDatabaseUrl ?? options.databaseUrl;
  const client = await connect(url, options, logger);
  const connectMs = performance.now() - started - filesMs;
  let closing: Promise<void> | undefined;
  const finish = (outcome: Outcome): InitializeResult => {
    const result: InitializeResult = {
      service: options.service,
      environment: environment.name,
      ...outcome,
      durationMs: Math.round(performance.now() - started),
      timings: { filesMs: Math.round(filesMs * 10) / 10, connectMs: Math.round(connectMs * 10) / 10 },
    };
    logger.info(summary(result));
    return result;
  };
  try {
    // The restart path: the recorded history equals the files. Read without the lock: rows are only
    // added by committed transactions, so equal now means equal for good.
    const recorded = sumTotal ? await readHistoryTotal(client, table) : undefined;
    if (recorded && recorded.total === sumTotal) {
      // Nothing waits on the session's close: let it finish in the background.
      closing = client.end().catch(() => undefined);
      return finish({ mode: 'up-to-date', applied: [], skipped: recorded.count });
    }

    // Parse while the lock is requested (and, with another replica migrating, waited for).
    const parsing = hasFiles ? readMigrations(options.migrationsDir) : Promise.resolve([]);
    parsing.catch(() => undefined);
    await prepareLockSession(client);
    await acquireServiceLock(client, options.service, options.lockWaitTimeoutMs ?? 300_000);
    try {
      const migrations = await parsing;
      const context: RunContext = {
        client,
        options,
        logger,
        table,
        schemas,
        migrations,
        environment: environment.name,
      };
      return finish(migrations.length > 0 ? await runMigrations(context) : await runCreateAll(context));
    } finally {
      await releaseServiceLock(client, options.service).catch(() => undefined);
    }
  } finally {
    if (!closing) await client.end().catch(() => undefined);
  }
}

interface RunContext {
  client: pg.Client;
  options: InitializeOptions;
  logger: Logger;
  table: TableName;
  schemas: string[];
  migrations: MigrationFile[];
  environment: string;
}

type Outcome = Pick<InitializeResult, 'mode' | 'applied' | 'skipped'>;

async function runMigrations(context: RunContext): Promise<Outcome> {
  const { client, options, table, migrations } = context;
  if (!(await tableExists(client, context.table))) {
    const objects = await findSchemaObjects(client, context.schemas, [
      table,
      progressTableOf(table),
      CREATE_ALL_MARKER,
    ]);
    // Baselining records migrations as applied without running them: only for a database that
    // already holds the schema, never for an empty one (which must get the real migrations).
    if (options.baselineVersion && objects.count > 0) return baseline(context);
    if (options.baselineVersion) {
      context.logger.warn(
        `baselineVersion ${options.baselineVersion} ignored: the database is empty, so every migration runs`,
      );
    }
    if (objects.count > 0) throw await unmanagedObjectsError(context, objects.count, objects.examples);
  }
  const applied = await readAppliedMigrations(client, table);
  let pending: MigrationFile[];
  try {
    pending = pendingMigrations(migrations, applied, options.service);
  } catch (error) {
    // A hand-edited history (a row deleted from the middle) looks like a merged branch: tell them apart.
    if (error instanceof InitManagerError && error.code === 'OUT_OF_ORDER_MIGRATION')
      throw await explainOutOfOrder(client, table, migrations, applied, error);
    throw error;
  }
  await warnAboutUnknownProgress(context);
  if (pending.length === 0) return { mode: 'up-to-date', applied: [], skipped: applied.length };
  context.logger.info(
    `applying ${pending.length} migration(s) to ${describeDatabaseUrl(options.databaseUrl)}`,
  );
  const result = await applyMigrations(client, pending, {
    table,
    lockTimeoutMs: options.lockTimeoutMs,
    statementTimeoutMs: options.statementTimeoutMs,
    lockRetries: options.lockRetries,
    lockRetryDelayMs: options.lockRetryDelayMs,
    lockRetryMaxDelayMs: options.lockRetryMaxDelayMs,
    logger: context.logger,
  });
  if (result.error) {
    const failed = pending.find((migration) =>
      result.results.some((r) => r.status === 'failed' && r.fileName === migration.fileName),
    );
    // A deleted last row makes the migration run again and trip over its own objects: say so.
    throw failed
      ? await explainAlreadyExists(client, table, failed, result.error, options.service)
      : result.error;
  }
  return { mode: 'migrations', applied: result.results, skipped: applied.length };
}

/**
 * Steps recorded for a migration that is not among the files (an older build deployed while a newer
 * one was part way through a migration): its objects stay; say so rather than stay silent.
 */
async function warnAboutUnknownProgress(context: RunContext): Promise<void> {
  const progress = await readProgress(context.client, progressTableOf(context.table));
  const known = new Set(context.migrations.map((migration) => Number(migration.version)));
  const unknown = [
    ...new Set(progress.filter((row) => !known.has(Number(row.version))).map((row) => row.version)),
  ];
  for (const version of unknown) {
    const steps = progress.filter((row) => row.version === version);
    context.logger.warn(
      `migration ${version} is part way on this database (${steps[0].direction} step(s) ${steps.map((row) => row.step).join(', ')} ` +
        `of ${steps[0].steps} done, recorded in ${progressTableOf(context.table).schema}.${progressTableOf(context.table).name}) ` +
        `but it is not among the migration files: a newer build started it. Its objects stay; the build that has it finishes it.`,
    );
  }
}

async function baseline(context: RunContext): Promise<Outcome> {
  const { client, table, options } = context;
  const version = Number(options.baselineVersion);
  const covered = context.migrations.filter((migration) => Number(migration.version) <= version);
  if (!Number.isFinite(version) || covered.length === 0) {
    throw new InitManagerError(
      'INVALID_OPTIONS',
      `baselineVersion "${options.baselineVersion}" matches no migration of service "${options.service}".`,
    );
  }
  await ensureMigrationsTable(client, table);
  await client.query('BEGIN');
  for (const migration of covered)
    await client.query(insertAppliedSql(table, { ...migration, durationMs: 0 }));
  await client.query('COMMIT');
  context.logger.warn(
    `baselined: recorded ${covered.map((m) => m.fileName).join(', ')} as applied without running them`,
  );
  const rest = await runMigrations({ ...context, options: { ...options, baselineVersion: undefined } });
  return { ...rest, mode: rest.mode === 'up-to-date' ? 'baseline' : rest.mode };
}

async function runCreateAll(context: RunContext): Promise<Outcome> {
  const { client, options, logger } = context;
  const applied = await readAppliedMigrations(client, context.table);
  if (applied.length > 0) {
    // Migrations ran here before and their files are gone: the same refusal as for one missing file.
    pendingMigrations([], applied, options.service);
  }
  const models = await readModelFiles(options.modelsDir as string);
  const checksum = modelsChecksum(models);
  const marker = await readCreateAllMarker(client);
  const objects = await findSchemaObjects(client, context.schemas, [context.table, CREATE_ALL_MARKER]);
  if (marker && objects.count > 0) {
    if (marker.checksum === checksum) return { mode: 'up-to-date', applied: [], skipped: 0 };
    throw new InitManagerError(
      'MODELS_CHANGED',
      `The models of service "${options.service}" changed since the create-all fallback built ${describeDatabaseUrl(options.databaseUrl)} ` +
        `(${marker.appliedAt.toISOString()}). Rebuild it: nx run ${options.service}:migrate-clean --yes, then start again; ` +
        `or generate migrations: nx run ${options.service}:migrate-generate --name=initial.`,
    );
  }
  if (objects.count > 0) throw await unmanagedObjectsError(context, objects.count, objects.examples);
  logger.warn(
    `no migrations in ${options.migrationsDir}: creating the schema from the models (${context.environment} only). ` +
      `Generate migrations before deploying: nx run ${options.service}:migrate-generate --name=initial`,
  );
  const ms = await applyModels(client, models, { privileges: options.privileges });
  return {
    mode: 'create-all',
    applied: models.map((model) => ({
      version: '',
      name: model.fileName,
      fileName: model.fileName,
      direction: 'up' as const,
      status: 'applied' as const,
      durationMs: Math.round(ms / models.length),
    })),
    skipped: 0,
  };
}

function checkNoMigrationsPolicy(
  options: InitializeOptions,
  environment: ReturnType<typeof resolveEnvironment>,
): void {
  const generate = `nx run ${options.service}:migrate-generate --name=initial`;
  if (!environment.allowsCreateAll) {
    throw new InitManagerError(
      'NO_MIGRATIONS',
      `Service "${options.service}" has no migrations in ${options.migrationsDir} and the environment is ` +
        `${environment.name} (from ${environment.source}), where the schema is never created from the models. ` +
        `Generate the migrations with \`${generate}\`, commit them, and deploy again.`,
    );
  }
  if (options.allowCreateAllFallback === false) {
    throw new InitManagerError(
      'NO_MIGRATIONS',
      `Service "${options.service}" has no migrations in ${options.migrationsDir} and allowCreateAllFallback is false. ` +
        `Generate them with \`${generate}\`.`,
    );
  }
  if (!options.modelsDir) {
    throw new InitManagerError(
      'NO_MIGRATIONS',
      `Service "${options.service}" has no migrations in ${options.migrationsDir} and no modelsDir to fall back on. ` +
        `Generate them with \`${generate}\`, or pass modelsDir.`,
    );
  }
}

async function unmanagedObjectsError(
  context: RunContext,
  count: number,
  examples: string[],
): Promise<InitManagerError> {
  const { options } = context;
  const marker = await readCreateAllMarker(context.client);
  const where = describeDatabaseUrl(options.databaseUrl);
  const origin = marker
    ? `it was built from the models by the create-all fallback on ${marker.appliedAt.toISOString()}`
    : 'it was not built by migrations';
  const strict = !resolveEnvironment(options.environment).allowsCreateAll;
  const next = strict
    ? `This is ${context.environment}: nothing was changed. Baseline it (baselineVersion) only after checking that it matches the migrations.`
    : `Clean it with \`nx run ${options.service}:migrate-clean\` and start again, or adopt it with baselineVersion if it matches the migrations.`;
  return new InitManagerError(
    'UNMANAGED_OBJECTS',
    `${where} already holds ${count} object(s) in schema(s) ${context.schemas.join(', ')} ` +
      `(${examples.slice(0, 5).join(', ')}${count > 5 ? ', ...' : ''}) but has no ${context.table.schema}.${context.table.name} table: ` +
      `${origin}. It is never treated as empty. ${next}`,
  );
}

function connect(url: string, options: InitializeOptions, logger: Logger): Promise<pg.Client> {
  return connectWithRetry(url, {
    service: options.service,
    applicationName: `init-manager/${options.service}/${hostname()}:${process.pid}`,
    deadlineMs: options.connectDeadlineMs,
    attemptTimeoutMs: options.connectTimeoutMs,
    logger,
  });
}

function validateOptions(options: InitializeOptions): void {
  const missing = (['service', 'databaseUrl', 'migrationsDir'] as const).filter((key) => !options[key]);
  if (missing.length > 0) {
    throw new InitManagerError(
      'INVALID_OPTIONS',
      `initializeServiceDatabase: missing option(s) ${missing.join(', ')}.`,
    );
  }
}

function summary(result: InitializeResult): string {
  switch (result.mode) {
    case 'up-to-date':
      return `up to date (${result.skipped} migration(s) applied before) in ${result.durationMs} ms`;
    case 'create-all':
      return `schema created from the models (${result.environment}) in ${result.durationMs} ms`;
    case 'baseline':
      return `baselined: ${result.skipped} migration(s) recorded as applied without running, none pending, in ${result.durationMs} ms`;
    default:
      return `applied ${result.applied.length} migration(s), ${result.skipped} already applied, in ${result.durationMs} ms`;
  }
}
