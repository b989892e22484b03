import type { ClientBase } from 'pg';
import { MigrationStatementError } from './applier.js';
import { InitManagerError } from './errors.js';
import type { MigrationFile } from './migration-file.js';
import { createdObjects, probeObjects, type CreatedObject } from './migration-objects.js';
import { insertAppliedSql, type AppliedMigration } from './migrations-table.js';
import { qualified, type TableName } from './sql-identifiers.js';

/**
 * SQLSTATEs of "already exists": duplicate table/index/sequence/view, object (type, constraint,
 * trigger, policy, extension, enum value), column, schema, function.
 */
const ALREADY_EXISTS = new Set(['42P07', '42710', '42701', '42P06', '42723']);

/** The exact statement that records a migration as applied again (duration unknown: 0). */
export function recordAgainSql(table: TableName, migration: MigrationFile): string {
  return `${insertAppliedSql(table, { ...migration, durationMs: 0 })};`;
}

/**
 * A pending migration failed because something it creates already exists. When every object it
 * creates is there, its schema_migrations row was most likely deleted by hand after it ran: say so,
 * with the INSERT that records it again. When only some are there, add which, and both ways out.
 */
export async function explainAlreadyExists(
  client: ClientBase,
  table: TableName,
  migration: MigrationFile,
  error: InitManagerError,
  service: string,
): Promise<InitManagerError> {
  if (!(error instanceof MigrationStatementError) || !ALREADY_EXISTS.has(error.pgCode ?? '')) return error;
  const objects = createdObjects(migration);
  const { present, missing } = await probeObjects(client, objects).catch(() => ({
    present: [] as CreatedObject[],
    missing: objects,
  }));
  if (present.length === 0) return error;
  const history = qualified(table);
  const record = recordAgainSql(table, migration);
  if (missing.length === 0) {
    // The applier's own advice ("fix the statement") does not fit a migration that already ran.
    const cause = error.message.replace(
      /\n\s*Nothing of this migration was applied \(it runs in one transaction\)\. Fix the statement, then start again\.$/,
      ' Nothing was changed.',
    );
    return new InitManagerError(
      'MISSING_HISTORY_ROW',
      `Migration ${migration.fileName} is not recorded in ${history}, yet every object it creates already exists ` +
        `(${labels(present)}): it ran here before and its row was deleted (a hand-edited ${history}). ` +
        `Re-running it failed: ${cause}\n` +
        `  Repair: check that the database matches ${migration.fileName}, record it again, then start again:\n` +
        `    ${record}\n` +
        `  If those objects were made another way, drop them instead (on a development database: ` +
        `nx run ${service}:migrate-clean --yes).`,
      [
        { file: migration.fileName, message: `applied, but its ${history} row is missing` },
        ...error.problems,
      ],
    );
  }
  return new InitManagerError(
    'MIGRATION_FAILED',
    `${error.message}\n  ${present.length} of the ${objects.length} object(s) ${migration.fileName} creates already ` +
      `existed (${labels(present)}; not there: ${labels(missing)}): made outside this migration (by hand, by the ` +
      `create-all fallback, or by an earlier partial run). Drop them and start again; or, if this migration did ` +
      `run here and its row was deleted from ${history}, finish what is missing by hand and record it: ${record}`,
    error.problems,
  );
}

/**
 * A file numbered below the newest applied migration was never applied. That is a merged branch,
 * or a hole in the history: a row deleted by hand from the middle of schema_migrations. The
 * objects the file creates tell the two apart: all there means the migration ran here.
 */
export async function explainOutOfOrder(
  client: ClientBase,
  table: TableName,
  migrations: MigrationFile[],
  applied: AppliedMigration[],
  error: InitManagerError,
): Promise<InitManagerError> {
  const appliedVersions = new Set(applied.map((row) => Number(row.version)));
  const newest = Math.max(...applied.map((row) => Number(row.version)));
  const stale = migrations.filter(
    (file) => !appliedVersions.has(Number(file.version)) && Number(file.version) < newest,
  );
  const history = qualified(table);
  const holes: Array<{ file: MigrationFile; present: CreatedObject[] }> = [];
  const notes: string[] = [];
  for (const file of stale) {
    const objects = createdObjects(file);
    if (objects.length === 0) {
      notes.push(
        `${file.fileName} creates nothing init-manager can look for: if it did run here and its row was deleted ` +
          `from ${history} by hand, check that its changes are in the database, then record it: ${recordAgainSql(table, file)}`,
      );
      continue;
    }
    const { present, missing } = await probeObjects(client, objects);
    if (missing.length === 0) holes.push({ file, present });
    else
      notes.push(
        `${file.fileName} did not run here: ${missing.length === objects.length ? 'none' : 'not all'} of the objects it creates exist (${labels(missing)} missing).`,
      );
  }
  if (holes.length === 0) {
    return notes.length
      ? new InitManagerError(error.code, `${error.message}\n  ${notes.join('\n  ')}`, error.problems)
      : error;
  }
  const newestFile = migrations.find((file) => Number(file.version) === newest)?.fileName ?? String(newest);
  return new InitManagerError(
    'MISSING_HISTORY_ROW',
    `${history} has a hole: ${holes.map((h) => h.file.fileName).join(', ')} ${holes.length > 1 ? 'are' : 'is'} not recorded, ` +
      `but the later ${newestFile} is, and every object ${holes.length > 1 ? 'they create exists' : 'it creates exists'} ` +
      `(${holes.map((h) => labels(h.present)).join('; ')}): ${holes.length > 1 ? 'their rows were' : 'its row was'} deleted by hand ` +
      `(not a branch merged late). Nothing was changed.\n` +
      `  Repair: record ${holes.length > 1 ? 'them' : 'it'} again, then start again:\n` +
      holes.map((h) => `    ${recordAgainSql(table, h.file)}`).join('\n'),
    holes.map((h) => ({ file: h.file.fileName, message: `applied, but its ${history} row is missing` })),
  );
}

function labels(objects: CreatedObject[]): string {
  const shown = objects.slice(0, 5).map((object) => object.label);
  return shown.join(', ') + (objects.length > 5 ? `, and ${objects.length - 5} more` : '');
}
