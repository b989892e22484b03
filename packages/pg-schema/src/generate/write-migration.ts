import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseMigrationFile,
  writeFileAtomic,
  writeMigrationsSum,
  loadSqlParser,
} from '@bakery-ia/init-manager';
import { PgSchemaError } from '../errors.js';
import { renderMigrationText } from '../render/migration-text.js';
import { deriveName, sanitizeName } from './migration-name.js';
import { planMigration, type MigrationPlan, type PlanOptions } from './plan-migration.js';

export interface GenerateOptions extends PlanOptions {
  /** Migration name; default derived from the changes. */
  name?: string;
  /** Plan and render, write nothing. */
  dryRun?: boolean;
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
 * writes nothing; an existing file is never overwritten; a failure leaves no partial file.
 */
export async function generateMigration(options: GenerateOptions): Promise<GenerateResult> {
  const plan = await planMigration(options);
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
  if (options.dryRun) return { status: 'dry-run', plan, fileName, text };
  mkdirSync(options.migrationsDir, { recursive: true });
  const path = join(options.migrationsDir, fileName);
  if (existsSync(path)) throw new PgSchemaError('USAGE', `${path} already exists; it is never overwritten.`);
  writeFileAtomic(path, text, { exclusive: true });
  try {
    writeMigrationsSum(options.migrationsDir);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return { status: 'written', plan, fileName, text };
}
