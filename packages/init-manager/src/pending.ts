import { InitManagerError } from './errors.js';
import type { MigrationFile } from './migration-file.js';
import type { AppliedMigration } from './migrations-table.js';

/**
 * Decides which migrations to apply, and refuses (never skips) when history and files disagree:
 * an applied file that changed, an applied version that is gone, or a file numbered below the
 * newest applied one that was never applied (typically a branch merged after a later migration).
 */
export function pendingMigrations(
  files: MigrationFile[],
  applied: AppliedMigration[],
  service = '<service>',
): MigrationFile[] {
  const byVersion = new Map(files.map((file) => [Number(file.version), file]));
  const appliedVersions = new Set(applied.map((row) => Number(row.version)));

  for (const row of applied) {
    const file = byVersion.get(Number(row.version));
    if (!file) {
      throw new InitManagerError(
        'APPLIED_MIGRATION_MISSING',
        `Migration ${row.version}_${row.name}.sql is applied to this database but missing from the migrations folder. ` +
          `Restore the file (git log -- '*${row.version}_*'), or deploy the build that contains it.`,
        [{ file: `${row.version}_${row.name}.sql`, message: 'applied but missing on disk' }],
      );
    }
    if (file.checksum !== row.checksum) {
      throw new InitManagerError(
        'CHECKSUM_MISMATCH',
        `Migration ${file.fileName} was changed after it was applied to this database ` +
          `(applied checksum ${row.checksum}, file ${file.checksum}). Applied migrations are immutable: ` +
          `revert the edit and put the change in a new migration (nx run ${service}:migrate-generate).`,
        [{ file: file.fileName, message: 'checksum differs from the applied one' }],
      );
    }
  }

  const newestApplied = applied.reduce<AppliedMigration | undefined>(
    (newest, row) => (!newest || Number(row.version) > Number(newest.version) ? row : newest),
    undefined,
  );
  const pending = files.filter((file) => !appliedVersions.has(Number(file.version)));
  if (newestApplied) {
    const stale = pending.find((file) => Number(file.version) < Number(newestApplied.version));
    if (stale) {
      const newestFile = byVersion.get(Number(newestApplied.version))?.fileName ?? newestApplied.version;
      throw new InitManagerError(
        'OUT_OF_ORDER_MIGRATION',
        `Migration ${stale.fileName} was never applied, but the later ${newestFile} already is ` +
          `(usually a branch merged after another one). It will not be skipped and will not run out of order: ` +
          `renumber ${stale.fileName} after ${newestFile} (regenerate it with migrate-generate) and commit.`,
        [
          { file: stale.fileName, message: 'not applied, numbered below an applied migration' },
          { file: newestFile, message: 'the newest applied migration' },
        ],
      );
    }
  }
  return pending;
}
