import {
  describeDatabaseUrl,
  maskSecrets,
  readAppliedMigrations,
  DEFAULT_MIGRATIONS_TABLE,
  type MigrationFile,
} from '@bakery-ia/init-manager';
import pg from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { describeChange } from '../diff/change.js';
import { diffCatalogs } from '../diff/diff.js';
import { PgSchemaError } from '../errors.js';
import { introspectCatalog, type IntrospectOptions } from '../introspect/introspect.js';
import type { VerifyProblem } from './verify-report.js';

/**
 * Compares a live database with the migrations: applied checksums, versions unknown to the files,
 * and drift between the live schema and what its applied migrations build (`states[n]` is the
 * catalog after the first n migrations). Pending migrations are reported in the note, not failed.
 */
export async function checkLiveDatabase(
  databaseUrl: string,
  migrations: MigrationFile[],
  states: Catalog[],
  introspectOptions: IntrospectOptions,
  problems: VerifyProblem[],
): Promise<string> {
  const where = describeDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new PgSchemaError(
      'ENVIRONMENT',
      `Cannot connect to ${where}: ${maskSecrets((error as Error).message)}.`,
    );
  }
  try {
    const applied = await readAppliedMigrations(client, DEFAULT_MIGRATIONS_TABLE);
    const byVersion = new Map(migrations.map((m) => [Number(m.version), m]));
    for (const row of applied) {
      const file = byVersion.get(Number(row.version));
      if (!file) {
        problems.push({
          file: where,
          message: `version ${row.version} (${row.name}) is applied there but has no file`,
          fix: 'restore the migration file, or deploy the build that has it',
        });
      } else if (file.checksum !== row.checksum) {
        problems.push({
          file: file.fileName,
          message: `was edited after it was applied to ${where}`,
          fix: 'revert the edit; put the change in a new migration',
        });
      }
    }
    const appliedSet = new Set(applied.map((row) => Number(row.version)));
    const prefix = migrations.findIndex((m) => !appliedSet.has(Number(m.version)));
    const count = prefix === -1 ? migrations.length : prefix;
    const pending = migrations.length - count;
    if (problems.length > 0 || migrations.slice(count).some((m) => appliedSet.has(Number(m.version)))) {
      return `${applied.length} applied, history does not match the files`;
    }
    const live = await introspectCatalog(client, introspectOptions);
    const drift = diffCatalogs(states[count], live);
    if (drift.statements.length > 0) {
      problems.push({
        file: where,
        message: `the live schema differs from what its ${count} applied migration(s) build (changed by hand?):\n${drift.changes.map((c) => `  ${describeChange(c)}`).join('\n')}`,
        fix: 'undo the manual change, or capture it in the models and generate a migration',
        sql: diffCatalogs(live, states[count])
          .statements.map((s) => s.sql)
          .join('\n\n'),
      });
    }
    return `${where}: ${count} applied, ${pending} pending`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
