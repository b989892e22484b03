import { InitManagerError } from './errors';
import { parseMigrationFile, type MigrationFile } from './migration-file';
import type { AppliedMigration } from './migrations-table';
import { pendingMigrations } from './pending';
import { loadSqlParser } from './sql-statements';

beforeAll(() => loadSqlParser());

function file(fileName: string, sql = 'SELECT 1;'): MigrationFile {
  return parseMigrationFile(fileName, `-- migrate:up\n${sql}\n`).migration!;
}
function applied(migration: MigrationFile, checksum = migration.checksum): AppliedMigration {
  return { version: migration.version, name: migration.name, checksum, appliedAt: new Date(), durationMs: 1 };
}
function refusal(run: () => unknown): InitManagerError {
  try {
    run();
  } catch (error) {
    return error as InitManagerError;
  }
  throw new Error('expected a refusal');
}

describe('pendingMigrations', () => {
  let a: MigrationFile, b: MigrationFile, c: MigrationFile;
  beforeAll(() => {
    [a, b, c] = [file('0001_a.sql'), file('0002_b.sql'), file('0003_c.sql')];
  });

  it('returns the unapplied migrations in order', () => {
    expect(pendingMigrations([a, b, c], [applied(a)]).map((m) => m.fileName)).toEqual([
      '0002_b.sql',
      '0003_c.sql',
    ]);
    expect(pendingMigrations([a, b], [applied(a), applied(b)])).toEqual([]);
  });

  it('refuses an applied migration whose file changed', () => {
    const error = refusal(() => pendingMigrations([a, b], [applied(a, 'h1:other')]));
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.message).toContain('0001_a.sql was changed after it was applied');
  });

  it('refuses an applied migration missing on disk', () => {
    const error = refusal(() => pendingMigrations([a], [applied(a), applied(b)]));
    expect(error.code).toBe('APPLIED_MIGRATION_MISSING');
    expect(error.message).toContain('0002_b.sql is applied to this database but missing');
  });

  it('refuses a never-applied file numbered below the newest applied one, naming both', () => {
    const error = refusal(() => pendingMigrations([a, b, c], [applied(a), applied(c)]));
    expect(error.code).toBe('OUT_OF_ORDER_MIGRATION');
    expect(error.message).toContain('0002_b.sql was never applied, but the later 0003_c.sql already is');
  });
});
