import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InitManagerError, type MigrationProblem } from './errors.js';
import { parseMigrationFile, type MigrationFile } from './migration-file.js';
import { loadSqlParser } from './sql-statements.js';
import { parseWithCache, type StatementCache } from './statement-cache.js';

/** Files in a migrations folder that are not migrations and not mistakes. */
const NON_MIGRATION_FILES = new Set(['migrations.sum']);

export interface ReadOptions {
  /**
   * Splits kept between runs (statement-cache.ts); none: every file is parsed. With a cache the
   * parser may still be loading when the reader returns (it overlaps the caller's next steps):
   * `await loadSqlParser()` before parsing anything else.
   */
  statementCache?: StatementCache;
}

export interface ReadMigrationsResult {
  migrations: MigrationFile[];
  problems: MigrationProblem[];
}

/** The `.sql` file names of a migrations folder, sorted; none when the folder does not exist. */
export function listMigrationFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // The entry types come with the listing: only a symbolic link needs a stat (of its target).
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.name.endsWith('.sql') &&
        (entry.isFile() || (entry.isSymbolicLink() && statSync(join(dir, entry.name)).isFile())),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads and parses every migration of a folder, sorted by version, and reports every problem
 * (bad names, duplicate versions, empty up sections, syntax errors) instead of stopping at the first.
 */
export async function inspectMigrations(
  dir: string,
  options: ReadOptions = {},
): Promise<ReadMigrationsResult> {
  // The parser loads while kept files are read.
  const parserReady = loadSqlParser();
  const problems: MigrationProblem[] = [];
  const migrations: MigrationFile[] = [];
  for (const fileName of listMigrationFileNames(dir)) {
    if (NON_MIGRATION_FILES.has(fileName)) continue;
    const text = readFileSync(join(dir, fileName), 'utf8');
    const parsed = await parseWithCache(
      text,
      options.statementCache,
      parserReady,
      (split) => parseMigrationFile(fileName, text, split),
      (result) => result.problems.length === 0,
    );
    problems.push(...parsed.problems);
    if (parsed.migration) migrations.push(parsed.migration);
  }
  const byVersion = new Map<string, string>();
  for (const migration of migrations) {
    const other = byVersion.get(Number(migration.version).toString());
    if (other) {
      problems.push({
        file: migration.fileName,
        message: `duplicate version ${migration.version}: ${other} and ${migration.fileName} share it; renumber the newer one`,
      });
    }
    byVersion.set(Number(migration.version).toString(), migration.fileName);
  }
  migrations.sort((a, b) => Number(a.version) - Number(b.version) || a.fileName.localeCompare(b.fileName));
  // Callers that keep statements await the parser themselves (ReadOptions); a failed load is
  // theirs to see then, not an unhandled rejection meanwhile.
  if (options.statementCache) parserReady.catch(() => undefined);
  else await parserReady;
  return { migrations, problems };
}

/** Reads a migrations folder; throws InitManagerError(INVALID_MIGRATIONS) listing every problem. */
export async function readMigrations(dir: string, options: ReadOptions = {}): Promise<MigrationFile[]> {
  const { migrations, problems } = await inspectMigrations(dir, options);
  if (problems.length > 0) {
    throw new InitManagerError(
      'INVALID_MIGRATIONS',
      `Invalid migrations in ${dir}:\n` + problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
      problems,
    );
  }
  return migrations;
}

export function formatProblem(problem: MigrationProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}
