import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyMigrations,
  readMigrations,
  readModelFiles,
  revertMigration,
  type MigrationFile,
} from '@bakery-ia/init-manager';
import type { ClientBase } from 'pg';
import { createTestDatabase, type TestServer } from '@bakery-ia/test-db';
import {
  applyModels,
  comparableCatalog,
  describeChange,
  diffCatalogs,
  generateMigration,
  introspectCatalog,
  type Catalog,
} from '../../src/index';
import type { CorpusCase } from './corpus-case';
import { expectRowsKept, snapshotRows } from './seeded-rows';
import { provisionRoles } from './test-roles';

/**
 * The engine's acceptance test: for each version of a case, generate the migration, build a
 * fresh database from all migrations with the production applier, and require that it equals
 * the models (same catalog, and the same pg_dump on PG15), that a second diff finds nothing, and
 * that the down section returns exactly to the previous version; rows a version seeds
 * (`-- @seed`) must survive the next version's up and down where the change keeps data.
 */
export async function checkConvergence(server: TestServer, corpusCase: CorpusCase): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), `corpus-${corpusCase.name}-`));
  const modelsDir = join(root, 'models');
  const migrationsDir = join(root, 'migrations');
  const generated: string[] = [];
  let previous: Catalog | undefined;
  await provisionRoles(server, corpusCase.versions);
  try {
    for (const [index, version] of corpusCase.versions.entries()) {
      rmSync(modelsDir, { recursive: true, force: true });
      execFileSync('mkdir', ['-p', modelsDir]);
      writeFileSync(join(modelsDir, '01_models.sql'), version);
      const result = await generateMigration({
        modelsDir,
        migrationsDir,
        shadowUrl: server.url,
        name: `v${index + 1}`,
      });
      if (index > 0 && corpusCase.expectNoChanges) {
        expectNoChanges(result.status, result.plan.changes.map(describeChange));
        continue;
      }
      if (result.status !== 'written')
        throw new Error(`version ${index + 1}: expected a migration, got ${result.status}`);
      generated.push(result.text!);
      const unwanted = corpusCase.expectNoSql.find((text) => index > 0 && result.text!.includes(text));
      if (unwanted !== undefined)
        throw new Error(`version ${index + 1}: the migration contains "${unwanted}":\n${result.text}`);
      const last = index === corpusCase.versions.length - 1;
      const missing = corpusCase.expectSql.find((text) => last && !result.text!.includes(text));
      if (missing !== undefined)
        throw new Error(`version ${index + 1}: the migration lacks "${missing}":\n${result.text}`);
      const desired = result.plan.desired;
      const db = await createTestDatabase(server, 'conv');
      try {
        const client = await db.client();
        const migrations = await readMigrations(migrationsDir);
        const seeded = await seed(client, migrations, corpusCase.seeds[index - 1], previous, index);
        // Seeded: the earlier migrations ran already, before the seed.
        const applied = await applyMigrations(client, seeded ? migrations.slice(-1) : migrations);
        if (applied.error)
          throw new Error(`version ${index + 1}: up failed: ${applied.error.message}\n${result.text}`);
        const afterUp = await introspectCatalog(client);
        expectSameCatalog(afterUp, desired, `version ${index + 1} after up`, result.text!);
        if (seeded) await expectRowsKept(client, seeded, afterUp, `version ${index + 1} after up`);
        await runCheck(client, corpusCase.checks[index], `version ${index + 1} after up`);
        const again = diffCatalogs(afterUp, desired);
        if (again.statements.length > 0) {
          throw new Error(
            `version ${index + 1}: a second diff is not empty:\n${again.statements.map((s) => s.sql).join('\n')}`,
          );
        }
        if (server.majorVersion === 15 && !corpusCase.skipPgDump)
          await expectSameDump(server, db.url, modelsDir, index + 1);
        const latest = migrations[migrations.length - 1];
        const reverted = await revertMigration(client, latest);
        if (reverted.error)
          throw new Error(`version ${index + 1}: down failed: ${reverted.error.message}\n${result.text}`);
        const afterDown = await introspectCatalog(client);
        expectSameCatalog(
          afterDown,
          previous ?? result.plan.current,
          `version ${index + 1} after down`,
          result.text!,
        );
        if (seeded)
          await expectRowsKept(client, seeded, afterDown, `version ${index + 1} after down`, afterUp);
        if (index > 0)
          await runCheck(client, corpusCase.checks[index - 1], `version ${index + 1} after down`);
        const reapplied = await applyMigrations(client, [latest]);
        if (reapplied.error)
          throw new Error(`version ${index + 1}: up after down failed: ${reapplied.error.message}`);
      } finally {
        await db.drop();
      }
      previous = desired;
    }
    return generated;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The seed of the previous version: the migrations before the latest are applied, the seed
 * statements run, and the rows are kept for the checks after up and down.
 */
async function seed(
  client: ClientBase,
  migrations: MigrationFile[],
  statements: string | undefined,
  previous: Catalog | undefined,
  index: number,
): Promise<Awaited<ReturnType<typeof snapshotRows>> | undefined> {
  if (statements === undefined || previous === undefined) return undefined;
  const earlier = await applyMigrations(client, migrations.slice(0, -1));
  if (earlier.error)
    throw new Error(`version ${index}: replay before the seed failed: ${earlier.error.message}`);
  await client.query(statements);
  return snapshotRows(client, previous);
}

/** A version's `-- @check` statements, in a transaction rolled back. */
async function runCheck(client: ClientBase, statements: string | undefined, label: string): Promise<void> {
  if (statements === undefined) return;
  await client.query('BEGIN');
  try {
    await client.query(statements);
  } catch (error) {
    throw new Error(`${label}: the check failed: ${(error as Error).message}\n${statements}`);
  } finally {
    await client.query('ROLLBACK');
  }
}

function expectNoChanges(status: string, changes: string[]): void {
  if (status !== 'no-changes') throw new Error(`expected no changes, got:\n${changes.join('\n')}`);
}

function expectSameCatalog(actual: Catalog, expected: Catalog, label: string, migration: string): void {
  const a = JSON.stringify(comparableCatalog(actual), null, 1);
  const b = JSON.stringify(comparableCatalog(expected), null, 1);
  if (a === b) return;
  const remaining = diffCatalogs(actual, expected).statements.map((s) => s.sql);
  throw new Error(
    `${label}: the database differs from the expected schema.\nStill to do:\n${remaining.join('\n')}\n\nMigration:\n${migration}`,
  );
}

/** pg_dump of the migrated database and of one built from the models, without comments and blank lines. */
async function expectSameDump(
  server: TestServer,
  migratedUrl: string,
  modelsDir: string,
  version: number,
): Promise<void> {
  const modelsDb = await createTestDatabase(server, 'dump');
  try {
    const client = await modelsDb.client();
    await applyModels(client, await readModelFiles(modelsDir));
    const [migrated, models] = [dump(migratedUrl), dump(modelsDb.url)];
    if (migrated !== models) {
      throw new Error(
        `version ${version}: pg_dump differs.\n--- migrated\n${migrated}\n--- models\n${models}`,
      );
    }
  } finally {
    await modelsDb.drop();
  }
}

function dump(url: string): string {
  const text = execFileSync(
    'pg_dump',
    ['--schema-only', '--no-owner', '--no-privileges', '--exclude-table=public.schema_migrations', url],
    {
      encoding: 'utf8',
    },
  );
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('--') && !line.startsWith('\\'))
    .join('\n');
}
