import {
  applyMigrations,
  checkMigrationsSum,
  isInitManagerError,
  readMigrations,
  readModelFiles,
  loadSqlParser,
  parseWithCache,
  type MigrationFile,
  type ModelFile,
  type StatementCache,
} from '@bakery-ia/init-manager';
import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { catalogDifferences } from '../completeness/catalog-differences.js';
import { assertNothingUnsupported, migrationSources } from '../completeness/check-unsupported.js';
import { diffCatalogs, type Step } from '../diff/diff.js';
import type { Change } from '../diff/change.js';
import { UnsupportedChangeError } from '../diff/unsupported.js';
import { PgSchemaError } from '../errors.js';
import { DEFAULT_IGNORED_TABLES, introspectCatalog } from '../introspect/introspect.js';
import { analyseHazards } from '../hazards/analyse-hazards.js';
import type { StatementHazards } from '../hazards/hazard.js';
import type { MigrationSection } from '../hazards/migration-scope.js';
import { schemaContextOf } from '../hazards/schema-context.js';
import type { LintFinding } from '../lint/finding.js';
import { lintMigration } from '../lint/lint-statements.js';
import { applyModels } from '../models/apply-models.js';
import { readRenameHints, type RenameHint } from '../models/rename-hints.js';
import { readUsingHints, type UsingHint } from '../models/using-hints.js';
import { resolve } from 'node:path';
import { cacheEnabled } from '../cache/cache-mode.js';
import { modelsKey, replayKey, scopeOf } from '../cache/cache-key.js';
import { parseCache } from '../cache/parse-cache.js';
import { replayBases } from '../cache/replay-bases.js';
import { serverFingerprint } from '../cache/template-cache.js';
import { acquireShadowServer } from '../shadow/shadow-server.js';
import { cacheKeepsNoRole, rolesToProvide } from '../shadow/shadow-roles.js';
import { planRecordKey, readPlanRecord, writePlanRecord, type PlanRecord } from '../cache/plan-records.js';
import { castKey } from '../objects/table/column-conversion.js';
import { planRenames, type RenamePlan } from './apply-renames.js';
import { columnTypeChanges, type TypeChange } from './cast-paths.js';
import { stepLockTimeout, withLockTimeout } from './lock-timeout.js';
import { planConversions, type ConversionInputs } from './plan-conversions.js';
import { planSchemas, type SchemaResources } from './plan-schemas.js';

export interface PlanOptions {
  modelsDir: string;
  migrationsDir: string;
  /** A server for shadow databases (MIGRATE_SHADOW_URL); default an embedded Postgres. */
  shadowUrl?: string;
  /** Schemas to compare; default every non-system schema. */
  schemas?: string[];
  /** Tables left out of the comparison (`schema.name`); default the migrations table. */
  ignoreTables?: string[];
  /**
   * false: privileges are not managed (migrate.config.json `managePrivileges: false`): the
   * models' GRANT / REVOKE / ALTER DEFAULT PRIVILEGES are left out and privileges are not compared.
   */
  privileges?: boolean;
  /** Objects managed outside the migrations (migrate.config.json `ignoreObjects`), as the check names them. */
  ignoreObjects?: string[];
  /**
   * Online forms on tables that already exist (migrate.config.json `online`, default true):
   * CONCURRENTLY index builds, NOT VALID + VALIDATE, keys USING INDEX, SET NOT NULL through a
   * validated check, each in its own step. false: the plain forms in one transactional step.
   */
  online?: boolean;
  /**
   * `SET LOCAL lock_timeout` at the start of every transactional step (migrate.config.json
   * `lockTimeout`, e.g. `5s`); default `5s` with online forms, none without.
   */
  lockTimeout?: string;
}

export interface MigrationPlan {
  changes: Change[];
  up: Step[];
  down: Step[];
  lint: LintFinding[];
  /** Per statement of the up steps that has any: locks, rewrites, scans, index builds, data loss. */
  hazards: StatementHazards[];
  /** No difference: nothing to write. */
  empty: boolean;
  staleHints: RenameHint[];
  /** `-- @using` hints on columns whose type does not change (already applied, or misplaced). */
  unusedUsingHints: UsingHint[];
  migrations: MigrationFile[];
  /** The catalog the committed migrations build, and the one the models build. */
  current: Catalog;
  desired: Catalog;
  shadow: string;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  /** Whether each schema came from the cache (`off`: PG_SCHEMA_CACHE=off or a throw-away server). */
  cache: {
    replay: CacheUse;
    models: CacheUse;
    /** A miss that copied the replay of the first N migrations and applied only the rest. */
    replayBuiltOn?: number;
    /**
     * The records catalogs came from instead of a database: the plan record (both), or a side's
     * catalog record (generate/plan-schemas.ts); empty when every catalog was introspected.
     */
    recorded: Array<'plan' | 'replay' | 'models'>;
  };
}

export type CacheUse = 'hit' | 'miss' | 'off';

/**
 * Diffs the models against the schema the committed migrations build, in two throw-away shadow
 * databases (never the developer's database), and plans the up and down steps.
 */
export async function planMigration(options: PlanOptions): Promise<MigrationPlan> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  // A bad option stops the run before any work.
  const lockTimeout = stepLockTimeout(options);
  // Files (and plans) parsed before are not parsed again (cache/parse-cache.ts).
  const statementCache = cacheEnabled() ? parseCache() : undefined;
  // The shadow server starts (or answers) while the files are read and parsed.
  const serverStarting = time('shadow server', () => acquireShadowServer(options.shadowUrl));
  // A given server's fingerprint (part of every cache key) is asked for on a second connection
  // meanwhile, not after: on a hit these two round trips are most of the wait.
  if (options.shadowUrl && cacheEnabled()) serverFingerprint(options.shadowUrl).catch(() => undefined);
  const inputs = await time('read files', () => readInputs(options, statementCache)).catch(async (error) => {
    await serverStarting.then((server) => server.release()).catch(() => undefined);
    throw error;
  });
  const { models, hints, migrations } = inputs;
  const server = await serverStarting;
  // What the cleanup releases: every shadow database opened, and the roles' claim.
  const resources: SchemaResources = { databases: [] };
  let cache: MigrationPlan['cache'] = { replay: 'off', models: 'off', recorded: [] };
  const privileges = options.privileges !== false;
  const online = options.online !== false;
  const introspectOptions = {
    schemas: options.schemas,
    ignoreTables: options.ignoreTables ?? DEFAULT_IGNORED_TABLES,
    privileges,
    ignoreObjects: options.ignoreObjects,
  };
  try {
    // Both schemas are a pure function of their files, the engine and the server: a copy of a
    // cached template when one was built before (docs/architecture.md, "Replay cache").
    const keys = await time('cache keys', async () => {
      // Each list once (each walks every statement): the shadow databases need the roles of
      // both sides, each cache key those of its own side.
      const shadowRoles = rolesToProvide(models, migrations, { privileges });
      const enabled = cacheEnabled() && !server.disposable && (await cacheKeepsNoRole(server, shadowRoles));
      const serverPrint = enabled ? await serverFingerprint(server.url) : '';
      const context = (roles: string[]) => ({ server: serverPrint, roles, privileges });
      const replayOf = (files: MigrationFile[]) => replayKey(files, context(rolesToProvide([], files)));
      return {
        enabled,
        shadowRoles,
        replay: replayOf(migrations),
        // A miss may start from the replay of all but the newest migrations (replay-bases.ts).
        replayBases: () => replayBases(migrations, replayOf),
        models: modelsKey(models, context(rolesToProvide(models, [], { privileges }))),
      };
    });
    // The same two keys planned before without renames: catalogs and cast paths from the record,
    // no database opened (src/cache/plan-records.ts).
    const recordKey = keys.enabled
      ? planRecordKey({ replayKey: keys.replay, modelsKey: keys.models, introspect: introspectOptions })
      : undefined;
    const record = recordKey
      ? await time('read record', async () => usableRecord(readPlanRecord(recordKey), hints))
      : undefined;
    // The parser loaded while the keys were made (readInputs: ReadOptions); hints read with it.
    await loadSqlParser();
    const usingHints = readUsingHints(models);
    let current: Catalog;
    let desired: Catalog;
    let castPaths: ConversionInputs['castPaths'];
    let renames: RenamePlan;
    let renamedCurrent: Catalog;
    let unrenamedDesired: Catalog;
    if (record) {
      ({ current, desired } = record);
      cache = { replay: 'hit', models: 'hit', recorded: ['plan'] };
      castPaths = { recorded: { up: new Map(record.castPaths.up), down: new Map(record.castPaths.down) } };
      assertNothingUnsupported(desired, current, models, migrationSources(options.migrationsDir, migrations));
      renames = planRenames(hints, current);
      [renamedCurrent, unrenamedDesired] = [current, desired];
    } else {
      const side = (kind: 'replay' | 'models', dir: string, key: string, label: string) => ({
        kind,
        scope: scopeOf(resolve(dir)),
        key,
        label,
        enabled: keys.enabled,
      });
      const schemas = await planSchemas(
        server,
        [
          {
            spec: {
              ...side('replay', options.migrationsDir, keys.replay, 'current'),
              bases: keys.replayBases,
            },
            build: (db) => db.build((client) => replay(client, migrations.slice(db.builtOn))),
          },
          {
            spec: side('models', options.modelsDir, keys.models, 'desired'),
            build: (db) => db.build((client) => applyModels(client, models, { privileges })),
          },
        ],
        { shadowRoles: keys.shadowRoles, introspect: introspectOptions, time, resources },
      );
      ({ current, desired, cache } = schemas);
      assertNothingUnsupported(desired, current, models, migrationSources(options.migrationsDir, migrations));
      renames = planRenames(hints, current);
      [renamedCurrent, unrenamedDesired] = [current, desired];
      if (renames.up.length > 0) {
        const [currentDb, desiredDb] = await schemas.databases();
        [renamedCurrent, unrenamedDesired] = await time('renames', async () => {
          // A schema fresh from a build is published before it is renamed in.
          await Promise.all([currentDb.forWrites(), desiredDb.forWrites()]);
          for (const sql of renames.up) await currentDb.client.query(sql);
          for (const sql of renames.down) await desiredDb.client.query(sql);
          return Promise.all([
            introspectCatalog(currentDb.client, introspectOptions),
            introspectCatalog(desiredDb.client, introspectOptions),
          ]);
        });
      }
      // The server says how retyped columns convert: the databases are opened only for that.
      castPaths = {
        databases: async () => {
          const [currentDb, desiredDb] = await schemas.databases();
          return { currentDb: currentDb.client, desiredDb: desiredDb.client };
        },
      };
    }
    const conversions = await time('conversions', () =>
      planConversions({
        hints: usingHints,
        renameHints: hints,
        up: { current: renamedCurrent, desired },
        down: { current: unrenamedDesired, desired: current },
        castPaths,
      }),
    );
    // Plans without renames never wrote to their databases: what they read is what the keys build.
    if (recordKey && !record && renames.up.length === 0) {
      await time('write record', async () =>
        writePlanRecord(recordKey, {
          current,
          desired,
          castPaths: {
            up: [...(conversions.up.castPaths ?? [])],
            down: [...(conversions.down.castPaths ?? [])],
          },
        }),
      );
    }
    const [upDiff, downDiff] = await time('diff', async () => {
      try {
        return [
          diffCatalogs(renamedCurrent, desired, { conversions: conversions.up, online }),
          diffCatalogs(unrenamedDesired, current, { conversions: conversions.down, online }),
        ];
      } catch (error) {
        if (error instanceof UnsupportedChangeError)
          throw new PgSchemaError('UNSUPPORTED_CHANGE', error.message);
        throw error;
      }
    });
    const empty = renames.up.length === 0 && upDiff.statements.length === 0;
    // "No changes" only for equal schemas: a fact some kind reads but does not diff must not pass.
    const differences = empty ? catalogDifferences(current, desired) : [];
    if (differences.length > 0) {
      throw new Error(
        `pg-schema found no statement to write, but the two schemas differ (${differences.join(', ')}): please report this with the models.`,
      );
    }
    const up = withLockTimeout(withLeadingStatements(upDiff.steps, renames.up), lockTimeout);
    const down = withLockTimeout(withLeadingStatements(downDiff.steps, renames.down), lockTimeout);
    const { lint, hazards } = await time('lint', async () => {
      const context = schemaContextOf([current, renamedCurrent], server.majorVersion);
      const sections = await sectionsOf(up, statementCache);
      return { lint: lintMigration(sections, context), hazards: analyseHazards(sections, context) };
    });
    return {
      changes: [...renames.changes, ...upDiff.changes],
      up,
      down,
      lint,
      hazards,
      empty,
      staleHints: renames.stale,
      unusedUsingHints: conversions.unused,
      migrations,
      current,
      desired,
      shadow: server.description,
      timings,
      cache,
    };
  } finally {
    await time('cleanup', async () => {
      await Promise.all(resources.databases.map((db) => db.drop()));
      await resources.roles?.release();
      await server.release();
    });
  }
}

async function readInputs(
  options: PlanOptions,
  statementCache: StatementCache | undefined,
): Promise<{
  models: ModelFile[];
  hints: RenameHint[];
  migrations: MigrationFile[];
}> {
  let models: ModelFile[];
  let migrations: MigrationFile[];
  const read = { statementCache };
  try {
    models = await readModelFiles(options.modelsDir, read);
  } catch (error) {
    if (isInitManagerError(error)) throw new PgSchemaError('INVALID_MODELS', error.message);
    throw error;
  }
  try {
    migrations = await readMigrations(options.migrationsDir, read);
  } catch (error) {
    if (isInitManagerError(error)) throw new PgSchemaError('INVALID_MIGRATIONS', error.message);
    throw error;
  }
  const sum = checkMigrationsSum(options.migrationsDir);
  if (!sum.ok) {
    throw new PgSchemaError(
      'INVALID_MIGRATIONS',
      `migrations.sum does not match the files in ${options.migrationsDir}:\n` +
        sum.problems.map((p) => `  ${p.message}`).join('\n'),
    );
  }
  return { models, hints: readRenameHints(models), migrations };
}

/**
 * A record is used only when the plan needs no database: no rename to write (a record is never
 * written for one, but hints and catalog are checked again) and a cast path for every retyped
 * column in both directions.
 */
function usableRecord(record: PlanRecord | undefined, hints: RenameHint[]): PlanRecord | undefined {
  if (!record) return undefined;
  try {
    if (planRenames(hints, record.current).up.length > 0) return undefined;
  } catch {
    // A bad hint: the database path reports it as always.
    return undefined;
  }
  const covered = (paths: Array<[string, unknown]>, changes: TypeChange[]) => {
    const keys = new Set(paths.map(([key]) => key));
    return changes.every((change) => keys.has(castKey(change.from, change.to)));
  };
  return covered(record.castPaths.up, columnTypeChanges(record.current, record.desired)) &&
    covered(record.castPaths.down, columnTypeChanges(record.desired, record.current))
    ? record
    : undefined;
}

async function replay(client: ClientBase, migrations: MigrationFile[]): Promise<void> {
  const result = await applyMigrations(client, migrations, {});
  if (result.error) {
    throw new PgSchemaError(
      'REPLAY_FAILED',
      `The committed migrations do not apply to a fresh database:\n  ${result.error.message.replace(/\n/g, '\n  ')}`,
    );
  }
}

/**
 * Renames run first, at the start of the first transactional step, which comes before any
 * concurrent index build or validation (those name the tables by their new names).
 */
function withLeadingStatements(steps: Step[], leading: string[]): Step[] {
  if (leading.length === 0) return steps;
  const out = steps.map((step) => ({ ...step, statements: [...step.statements] }));
  const first = out.findIndex((step) => step.phase !== 'pre');
  if (first >= 0 && out[first].phase === 'main') out[first].statements.unshift(...leading);
  else
    out.splice(first < 0 ? out.length : first, 0, {
      transactional: true,
      phase: 'main',
      statements: [...leading],
    });
  return out;
}

/**
 * The steps as lint and the hazard analyser read them; lines are unknown until the file is
 * written. The same plan again (a hit) takes its splits from the parse cache: in a fresh process
 * the parser's first call costs more than all of these statements.
 */
async function sectionsOf(steps: Step[], cache: StatementCache | undefined): Promise<MigrationSection[]> {
  const text = `-- pg-schema: the statements of planned steps\n${JSON.stringify(steps.map((s) => s.statements))}`;
  const splits = await parseWithCache(
    text,
    cache,
    loadSqlParser(),
    (split) => steps.map((step) => step.statements.flatMap((sql) => split(sql, 1))),
    () => true,
  );
  return steps.map((step, i) => ({
    transaction: step.transactional,
    statements: splits[i].map((s) => ({ ...s, line: 0 })),
  }));
}
