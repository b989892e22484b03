import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  listMigrationFileNames,
  parseMigrationFile,
  writeFileAtomic,
  writeMigrationsSum,
  loadSqlParser,
} from '@bakery-ia/init-manager';
import { PgSchemaError } from '../errors.js';
import { assertNotInterrupted } from '../shadow/cleanup.js';
import { acquireGenerateLock } from './generate-lock.js';
import { renderMigrationText } from '../render/migration-text.js';
import { deriveName, sanitizeName } from './migration-name.js';
import { planMigration, type MigrationPlan, type PlanOptions } from './plan-migration.js';

export interface GenerateOptions extends PlanOptions {
  /** Migration name; default derived from the changes. */
  name?: string;
  /** Plan and render, write nothing. */
  dryRun?: boolean;
  /** How long to wait for another generate of the same migrations folder; default 60 s. */
  lockTimeoutMs?: number;
  /** Told once when another generate holds the folder's lock and this one waits. */
  onLockWait?: (message: string) => void;
}

export interface GenerateResult {
  status: 'no-changes' | 'written' | 'dry-run';
  plan: MigrationPlan;
  /** The file name (`0002_add_loyalty_points.sql`) and its text, when there are changes. */
  fileName?: string;
  text?: string;
}

/**
 * Plans a migration and writes it as the next numbered file plus migrations.sum. An empty diff
 * writes nothing; an existing file is never overwritten; a failure leaves no partial file. The
 * migrations folder is locked from reading the migrations to writing the new one, so concurrent
 * generates of one service never pick the same number; after SIGINT/SIGTERM nothing is written.
 */
export async function generateMigration(options: GenerateOptions): Promise<GenerateResult> {
  if (options.dryRun) return render(options, await planMigration(options));
  const lock = await acquireGenerateLock(options.migrationsDir, {
    timeoutMs: options.lockTimeoutMs,
    onWait: options.onLockWait,
  });
  try {
    const result = await render(options, await planMigration(options));
    if (result.status !== 'dry-run' || !result.fileName || !result.text) return result;
    commit(options.migrationsDir, result.fileName, result.text);
    return { ...result, status: 'written' };
  } finally {
    await lock.release();
  }
}

/** The file name and text of the next migration (status `dry-run`), or `no-changes`. */
async function render(options: GenerateOptions, plan: MigrationPlan): Promise<GenerateResult> {
  if (plan.empty) return { status: 'no-changes', plan };
  const name = options.name
    ? sanitizeName(options.name)
    : deriveName(plan.changes, plan.migrations.length === 0);
  if (!name) throw new PgSchemaError('USAGE', `--name "${options.name}" has no letters or digits.`);
  const next = plan.migrations.reduce((max, m) => Math.max(max, Number(m.version)), 0) + 1;
  const fileName = `${String(next).padStart(4, '0')}_${name}.sql`;
  const text = renderMigrationText(plan);
  await loadSqlParser();
  const check = parseMigrationFile(fileName, text);
  if (!check.migration) {
    throw new Error(
      `pg-schema produced a migration it cannot read back (${check.problems.map((p) => p.message).join('; ')}): please report this.`,
    );
  }
  return { status: 'dry-run', plan, fileName, text };
}

/**
 * Writes the file and the sum. Synchronous from the interruption check on: a signal handler
 * cannot run in between, so a Ctrl-C either comes first (nothing written) or after both.
 */
function commit(migrationsDir: string, fileName: string, text: string): void {
  assertNotInterrupted();
  const path = join(migrationsDir, fileName);
  if (existsSync(path)) throw new PgSchemaError('USAGE', `${path} already exists; it is never overwritten.`);
  const version = Number(fileName.split('_')[0]);
  const sameNumber = listMigrationFileNames(migrationsDir).find(
    (name) => Number(name.split('_')[0]) === version,
  );
  if (sameNumber) {
    throw new PgSchemaError(
      'INVALID_MIGRATIONS',
      `${join(migrationsDir, sameNumber)} appeared while this generate ran and has the number ${fileName.split('_')[0]}; nothing written. Run generate again.`,
    );
  }
  writeFileAtomic(path, text, { exclusive: true });
  try {
    writeMigrationsSum(migrationsDir);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}
