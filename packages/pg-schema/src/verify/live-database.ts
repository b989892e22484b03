import {
  createdObjects,
  describeDatabaseUrl,
  probeObjects,
  recordAgainSql,
  maskSecrets,
  readAppliedMigrations,
  DEFAULT_MIGRATIONS_TABLE,
  type MigrationFile,
} from '@bakery-ia/init-manager';
import pg from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { describeUnsupported } from '../completeness/unsupported.js';
import { describeChange } from '../diff/change.js';
import { diffCatalogs, type CatalogDiff } from '../diff/diff.js';
import { diffOrUnsupported, UnsupportedChangeError } from '../diff/unsupported.js';
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
    const holes = migrations.slice(count).filter((m) => !appliedSet.has(Number(m.version)));
    const later = migrations.slice(count).some((m) => appliedSet.has(Number(m.version)));
    if (later) await reportHoles(client, holes, appliedSet, where, problems);
    if (problems.length > 0 || later) {
      return `${applied.length} applied, history does not match the files`;
    }
    const live = await introspectCatalog(client, introspectOptions);
    // Read-only: what the live database holds that no kind manages is told, not failed.
    const unmanaged = unmanagedNote(live, states[count]);
    const drift = diffOrUnsupported(() => diffCatalogs(states[count], live));
    if (drift instanceof UnsupportedChangeError) {
      problems.push({
        file: where,
        message: `the live schema differs from what its ${count} applied migration(s) build (changed by hand?):\n  ${drift.message}`,
        fix: 'undo the manual change, or capture it in the models and generate a migration',
      });
    } else if (drift.statements.length > 0) {
      // A schema equal to what later migrations build: their rows were deleted, not the schema edited.
      const ahead = states.findIndex(
        (state, index) =>
          index > count &&
          diffOrUnsupported(() => diffCatalogs(state, live).statements.length === 0) === true,
      );
      if (ahead > count) {
        const unrecorded = migrations.slice(count, ahead);
        problems.push({
          file: where,
          message:
            `the live schema is what the first ${ahead} migration(s) build, but only ${count} are recorded in ` +
            `${TABLE}: the row(s) of ${unrecorded.map((m) => m.fileName).join(', ')} are missing (deleted by hand?); ` +
            `starting the service would run ${unrecorded.length > 1 ? 'them' : 'it'} again and fail`,
          fix: 'check that they ran there, then record them again with the SQL below',
          sql: unrecorded.map((m) => recordAgainSql(DEFAULT_MIGRATIONS_TABLE, m)).join('\n'),
        });
        return `${where}: ${count} applied, ${pending} pending${unmanaged}`;
      }
      problems.push({
        file: where,
        message: `the live schema differs from what its ${count} applied migration(s) build (changed by hand?):\n${drift.changes.map((c) => `  ${describeChange(c)}`).join('\n')}`,
        fix: 'undo the manual change, or capture it in the models and generate a migration',
        sql: sqlOrMessage(() => diffCatalogs(live, states[count])),
      });
    }
    return `${where}: ${count} applied, ${pending} pending${unmanaged}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const TABLE = 'public.schema_migrations';

/** `; not managed by pg-schema, left out: publication cdc, …` for what only the live database holds. */
function unmanagedNote(live: Catalog, expected: Catalog): string {
  const known = new Set(expected.unsupported.map(describeUnsupported));
  const extra = live.unsupported.map(describeUnsupported).filter((name) => !known.has(name));
  if (extra.length === 0) return '';
  const shown = extra.slice(0, 5).join(', ') + (extra.length > 5 ? `, and ${extra.length - 5} more` : '');
  return `; not managed by pg-schema, left out of the comparison: ${shown}`;
}

/**
 * Migrations not recorded below a recorded one: a row deleted by hand when every object the file
 * creates is there, else a branch merged after a later migration.
 */
async function reportHoles(
  client: pg.Client,
  holes: MigrationFile[],
  appliedSet: Set<number>,
  where: string,
  problems: VerifyProblem[],
): Promise<void> {
  const newest = Math.max(...appliedSet);
  for (const file of holes.filter((m) => Number(m.version) < newest)) {
    const objects = createdObjects(file);
    const { missing } = await probeObjects(client, objects);
    if (objects.length > 0 && missing.length === 0) {
      problems.push({
        file: file.fileName,
        message: `has no row in ${TABLE} on ${where}, but later migrations do and every object it creates exists: its row was deleted by hand (a hole in the history)`,
        fix: 'record it again with the SQL below',
        sql: recordAgainSql(DEFAULT_MIGRATIONS_TABLE, file),
      });
    } else {
      problems.push({
        file: file.fileName,
        message: `was never applied to ${where}, but a later migration was (a branch merged late?)${objects.length ? '; the objects it creates are not all there' : ''}`,
        fix: 'renumber it after the newest migration (delete it, run npx pg-schema hash, generate again) and commit',
      });
    }
  }
}

/** The SQL that undoes a drift, or why the engine cannot write it. */
function sqlOrMessage(run: () => CatalogDiff): string {
  const diff = diffOrUnsupported(run);
  if (diff instanceof UnsupportedChangeError) return `-- ${diff.message}`;
  return diff.statements.map((s) => s.sql).join('\n\n');
}
