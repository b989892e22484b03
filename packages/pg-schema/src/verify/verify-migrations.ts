import {
  applyMigrations,
  checkMigrationsSum,
  formatProblem,
  inspectMigrations,
  isInitManagerError,
  readModelFiles,
  revertMigration,
  type MigrationFile,
} from '@bakery-ia/init-manager';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { comparableCatalog } from '../catalog/comparable.js';
import { catalogDifferences } from '../completeness/catalog-differences.js';
import { describeUnsupported } from '../completeness/unsupported.js';
import { describeChange } from '../diff/change.js';
import { diffCatalogs } from '../diff/diff.js';
import { diffOrUnsupported, UnsupportedChangeError } from '../diff/unsupported.js';
import { PgSchemaError } from '../errors.js';
import {
  DEFAULT_IGNORED_TABLES,
  introspectCatalog,
  type IntrospectOptions,
} from '../introspect/introspect.js';
import { analyseHazards } from '../hazards/analyse-hazards.js';
import { acceptHazards, failingHazards, type StatementHazards } from '../hazards/hazard.js';
import { schemaContextOf } from '../hazards/schema-context.js';
import { acceptedRules, markAccepted, unknownAccepts } from '../lint/accepted-rules.js';
import { describeFinding, failingFindings, type LintFinding, type LintLevel } from '../lint/finding.js';
import { lintMigration } from '../lint/lint-statements.js';
import { applyModels } from '../models/apply-models.js';
import { renderMigrationText } from '../render/migration-text.js';
import { resolve } from 'node:path';
import { cacheEnabled } from '../cache/cache-mode.js';
import { modelsKey, scopeOf } from '../cache/cache-key.js';
import {
  catalogRecordKey,
  readCatalogRecord,
  readPrefixRecord,
  readReplayRecord,
  replayRecordKey,
  writeCatalogRecord,
  writeReplayRecord,
} from '../cache/catalog-records.js';
import { openCachedDatabase, serverFingerprint } from '../cache/template-cache.js';
import { acquireShadowServer } from '../shadow/shadow-server.js';
import { createShadowDatabase, type ShadowDatabase } from '../shadow/shadow-database.js';
import {
  cacheKeepsNoRole,
  provideShadowRoles,
  rolesToProvide,
  type ShadowRoles,
} from '../shadow/shadow-roles.js';
import {
  CHECK_TITLES,
  type CheckId,
  type VerifyCheck,
  type VerifyProblem,
  type VerifyReport,
} from './verify-report.js';
import { checkLiveDatabase } from './live-database.js';
import { unsupportedProblems } from './unsupported-check.js';

export interface VerifyOptions {
  modelsDir: string;
  migrationsDir: string;
  shadowUrl?: string;
  schemas?: string[];
  ignoreTables?: string[];
  /** Objects managed outside the migrations (migrate.config.json `ignoreObjects`). */
  ignoreObjects?: string[];
  /** Lint level that fails the run; default `error`. */
  failOn?: LintLevel | 'none';
  /** Hazard level that fails the run (same scale as lint); default `none`. */
  failOnHazard?: LintLevel | 'none';
  /** Also compare this live database with the migrations. */
  databaseUrl?: string;
  /** Skip the down round trip (faster on long histories). */
  roundTrip?: boolean;
  /** false: privileges are not managed (left out of the models and of every comparison). */
  privileges?: boolean;
}

/**
 * The CI gate: files, sum, clean replay, no drift from the models, a down round trip for every
 * migration, lint, and optionally a live database. Returns a report (never throws for a failed
 * check); throws PgSchemaError only when it cannot run (no shadow server, unreadable models).
 */
export async function verifyMigrations(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const failOn = options.failOn ?? 'error';
  const failOnHazard = options.failOnHazard ?? 'none';
  const hazards: VerifyReport['hazards'] = [];
  const checks: VerifyCheck[] = [];
  const run = async (id: CheckId, body: (problems: VerifyProblem[]) => Promise<string | void>) => {
    const checkStarted = performance.now();
    const problems: VerifyProblem[] = [];
    const note = (await body(problems)) ?? undefined;
    checks.push({
      id,
      title: CHECK_TITLES[id],
      status: problems.length > 0 ? 'failed' : 'passed',
      problems,
      ...(note ? { note } : {}),
      durationMs: Math.round(performance.now() - checkStarted),
    });
  };
  const skip = (id: CheckId, why: string) =>
    checks.push({ id, title: CHECK_TITLES[id], status: 'skipped', problems: [], note: why, durationMs: 0 });

  let migrations: MigrationFile[] = [];
  await run('files', async (problems) => {
    const inspected = await inspectMigrations(options.migrationsDir);
    migrations = inspected.migrations;
    for (const p of inspected.problems) {
      problems.push({
        file: p.file,
        line: p.line,
        message: formatProblem(p),
        fix: fixForFileProblem(p.message),
      });
    }
  });
  await run('sum', async (problems) => {
    for (const p of checkMigrationsSum(options.migrationsDir).problems) {
      problems.push({
        file: p.file,
        message: p.message,
        fix: `npx pg-schema hash --migrations ${options.migrationsDir}`,
      });
    }
  });
  const filesOk = checks[0].status === 'passed';

  const models = await readModelFiles(options.modelsDir).catch((error) => {
    throw isInitManagerError(error) ? new PgSchemaError('INVALID_MODELS', error.message) : error;
  });
  const server = await acquireShadowServer(options.shadowUrl);
  const databases: ShadowDatabase[] = [];
  let roles: ShadowRoles | undefined;
  const privileges = options.privileges !== false;
  const introspectOptions: IntrospectOptions = {
    schemas: options.schemas,
    ignoreTables: options.ignoreTables ?? DEFAULT_IGNORED_TABLES,
    privileges,
    ignoreObjects: options.ignoreObjects,
  };
  // The replay database is read after every migration and its down section: named statements
  // (introspect.ts `prepare`), and while the schema is small one connection (each read's sibling
  // connections are new backends: at 10 tables they cost more than they share). Neither is part
  // of the options that shape the catalogs.
  const replayRead = (near?: Catalog): IntrospectOptions => ({
    ...introspectOptions,
    prepare: true,
    ...(Object.keys(near?.tables ?? {}).length < SIBLINGS_FROM_TABLES ? { connections: 1 } : {}),
  });
  try {
    // The roles both sides' files name, listed once (the list walks every statement).
    const shadowRoles = rolesToProvide(models, migrations, { privileges });
    // The models' schema may come from the cache (docs/migrate-verify.md, "Cache"); the replay
    // never does: its checks read the schema after each migration and run each down section.
    const cache = cacheEnabled() && !server.disposable && (await cacheKeepsNoRole(server, shadowRoles));
    const modelsSpec = {
      kind: 'models' as const,
      scope: scopeOf(resolve(options.modelsDir)),
      key: modelsKey(models, {
        server: cache ? await serverFingerprint(server.url) : '',
        roles: rolesToProvide(models, [], { privileges }),
        privileges,
      }),
      label: 'models',
      enabled: cache,
    };
    // A replay of these very files on this engine and server was verified before: its states and
    // round trip are read from the record instead (catalog-records.ts); lint runs as always.
    const recordContext =
      cache && filesOk
        ? {
            server: await serverFingerprint(server.url),
            privileges,
            introspect: introspectOptions,
            roundTrip: options.roundTrip !== false,
          }
        : undefined;
    const recordKeyOf = (files: MigrationFile[]) =>
      replayRecordKey(files, { ...recordContext!, roles: rolesToProvide([], files) });
    const recordKey = recordContext ? recordKeyOf(migrations) : undefined;
    const record = recordKey ? readReplayRecord(recordKey, migrations.length) : undefined;
    // Or the record of all but the newest migrations: those are applied in one call and only the
    // new ones are replayed and checked one by one (a new migration since the last verify).
    const prefix = recordContext && !record ? readPrefixRecord(migrations, recordKeyOf) : undefined;
    // The models' catalog too, keyed by the models' cache key and the introspection options.
    const modelsRecordKey = cache ? catalogRecordKey(modelsSpec.key, introspectOptions) : undefined;
    const modelsRecord = modelsRecordKey ? readCatalogRecord(modelsRecordKey) : undefined;
    const opened = await Promise.all([
      record ? undefined : createShadowDatabase(server, 'verify'),
      modelsRecord ? undefined : openCachedDatabase(server, modelsSpec),
    ]);
    let replayDb = opened[0];
    const modelsDb = opened[1];
    if (replayDb) databases.push(replayDb);
    if (modelsDb) databases.push(modelsDb);
    // Roles are needed only where something is built; they are claimed in one of our databases.
    const claimIn = modelsDb ?? replayDb;
    if (claimIn) roles = await provideShadowRoles(server, shadowRoles, claimIn);
    // How many migrations came from the prefix record (0: none). A schema that is not the recorded
    // one replays from scratch in a new database (the first stays, it may hold the roles' claim).
    let fromPrefix = 0;
    if (replayDb && prefix) {
      const prefixFiles = migrations.slice(0, prefix.count);
      if (
        await appliesAsRecorded(
          replayDb,
          prefixFiles,
          prefix.record.states[prefix.count],
          replayRead(prefix.record.states[prefix.count]),
        )
      )
        fromPrefix = prefix.count;
      else {
        replayDb = await createShadowDatabase(server, 'verify');
        databases.push(replayDb);
      }
    }
    const modelsCatalog: Promise<Catalog> = modelsDb
      ? modelsDb
          .build((client) => applyModels(client, models, { privileges }))
          .then(() => introspectCatalog(modelsDb.client, introspectOptions))
          .then((catalog) => {
            if (modelsRecordKey) writeCatalogRecord(modelsRecordKey, catalog);
            return catalog;
          })
      : Promise.resolve(modelsRecord as Catalog);
    modelsCatalog.catch(() => undefined);

    // The states read from a record instead of replayed: all of them (a record of these very
    // files, no replay database) or those of the prefix's migrations.
    const recorded = record ?? (fromPrefix > 0 ? prefix?.record : undefined);
    const recordedCount = record ? migrations.length : fromPrefix;
    // Replay one migration at a time, keeping the catalog after each for the later checks.
    const states: Catalog[] = recorded
      ? recorded.states.slice(0, 1)
      : replayDb
        ? [await introspectCatalog(replayDb.client, replayRead())]
        : [];
    const roundTrip: VerifyProblem[] = [];
    const lintProblems: VerifyProblem[] = [];
    const hazardProblems: VerifyProblem[] = [];
    let replayed = false;
    if (!filesOk) {
      skip('replay', 'the migration files have problems (see above)');
    } else {
      await run('replay', async (problems) => {
        for (const migration of migrations) {
          const before = states[states.length - 1];
          const checked = lintMigrationFile(
            migration,
            before,
            server.majorVersion,
            options,
            failOn,
            lintProblems,
          );
          if (checked.hazards.length) hazards.push({ file: migration.fileName, statements: checked.hazards });
          hazardProblems.push(...hazardProblemsOf(migration, checked.hazards, failOnHazard));
          if (!replayDb || states.length <= recordedCount) {
            if (recorded) states.push(recorded.states[states.length]);
            continue;
          }
          const applied = await applyMigrations(replayDb.client, [migration], {});
          if (applied.error) {
            problems.push(
              statementProblem(
                migration,
                applied.error.message,
                'fix the statement; if this migration is applied anywhere already, write a new one instead',
              ),
            );
            return;
          }
          const after = await introspectCatalog(replayDb.client, replayRead(before));
          states.push(after);
          if (options.roundTrip !== false) {
            const intact = await checkRoundTrip(replayDb, migration, before, replayRead(before), roundTrip);
            if (!intact)
              return `stopped after ${migration.fileName}: applying it again after its down section failed`;
          }
        }
        replayed = true;
        if (record) {
          roundTrip.push(...(record.roundTrip as VerifyProblem[]));
          return `${migrations.length} migration(s) on ${server.description}, from the cache (these files replayed on this engine and server before; PG_SCHEMA_CACHE=off replays again)`;
        }
        if (recordKey) writeReplayRecord(recordKey, { states, roundTrip });
        const cached = fromPrefix > 0 ? `, the first ${fromPrefix} from the cache (verified before)` : '';
        return `${migrations.length} migration(s) on ${server.description}${cached}`;
      });
    }

    const desired = await modelsCatalog.catch((error) => {
      throw isInitManagerError(error) ? new PgSchemaError('MODELS_FAILED', error.message) : error;
    });
    if (replayed) {
      await run('drift', async (problems) => {
        const current = states[states.length - 1];
        const diffs = diffOrUnsupported(() => [
          diffCatalogs(current, desired),
          diffCatalogs(desired, current),
        ]);
        if (diffs instanceof UnsupportedChangeError) {
          problems.push({
            message: `the models differ from what the migrations build, and generate needs help to write it:\n  ${diffs.message}`,
            fix: 'do what the message says, then run migrate-generate',
          });
          return;
        }
        const [up, down] = diffs;
        if (up.statements.length === 0) {
          // Equal schemas, not only an empty diff: a fact read but never diffed must not pass.
          const differences = catalogDifferences(current, desired);
          if (differences.length > 0)
            problems.push({
              message: `the models differ from what the migrations build in ${differences.join(', ')}, and pg-schema writes no statement for it`,
              fix: 'this is a gap in pg-schema: please report it with the models; write that migration by hand meanwhile',
            });
          return;
        }
        problems.push({
          message: `the models differ from what the migrations build:\n${up.changes.map((c) => `  ${describeChange(c)}`).join('\n')}`,
          fix: 'run migrate-generate to write the missing migration (renames by @renamed-from hint are handled there)',
          sql: renderMigrationText({ up: up.steps, down: down.steps, changes: up.changes, lint: [] }),
        });
      });
    } else {
      skip(
        'drift',
        filesOk ? 'the migrations do not replay to the end' : 'the migration files have problems',
      );
    }
    // What the models and each replayed migration create that no kind manages.
    await run('unseen', async (problems) => {
      problems.push(...unsupportedProblems(desired, states, migrations, models));
      if (!replayed) return 'the models only, and the migrations that replayed';
    });
    // Round trip and lint report what they found even when the replay stopped part way.
    if (!filesOk) {
      skip('round-trip', 'the migration files have problems');
      skip('lint', 'the migration files have problems');
      skip('hazards', 'the migration files have problems');
    } else {
      if (options.roundTrip === false) skip('round-trip', 'disabled');
      else checks.push(staticCheck('round-trip', roundTrip));
      checks.push(
        staticCheck(
          'lint',
          lintProblems,
          failOn === 'none' ? 'lint not enforced (--fail-on=none)' : undefined,
        ),
      );
      const count = hazards.reduce((n, file) => n + file.statements.length, 0);
      checks.push(
        staticCheck(
          'hazards',
          hazardProblems,
          `${count} statement(s) with hazards, --fail-on-hazard=${failOnHazard}`,
        ),
      );
    }
    if (options.databaseUrl) {
      const databaseUrl = options.databaseUrl;
      if (!filesOk || !replayed) skip('live', 'the migrations do not replay');
      else
        await run('live', (problems) =>
          checkLiveDatabase(databaseUrl, migrations, states, introspectOptions, problems),
        );
    }
  } finally {
    await Promise.all(databases.map((db) => db.drop()));
    await roles?.release();
    await server.release();
  }
  return {
    ok: checks.every((check) => check.status !== 'failed'),
    migrations: migrations.length,
    shadow: server.description,
    failOn,
    failOnHazard,
    checks,
    hazards,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * From this many tables on, the replay's reads use sibling connections again: at 200 tables one
 * connection and three read as fast (named statements both), at 1000 three were 20% faster.
 */
const SIBLINGS_FROM_TABLES = 200;

/**
 * Runs the down section of the migration just applied, compares with the schema before it, then
 * applies the migration again. Returns false when the database can no longer follow the replay.
 */
async function checkRoundTrip(
  db: ShadowDatabase,
  migration: MigrationFile,
  before: Catalog,
  introspectOptions: IntrospectOptions,
  problems: VerifyProblem[],
): Promise<boolean> {
  const reverted = await revertMigration(db.client, migration, {});
  if (reverted.error) {
    // A transactional down section rolled back: the database is still after the migration.
    problems.push(statementProblem(migration, reverted.error.message, 'fix the down section'));
    return migration.down.every((step) => step.transaction);
  }
  const afterDown = await introspectCatalog(db.client, introspectOptions);
  if (!sameCatalog(afterDown, before)) {
    const remaining = diffCatalogs(afterDown, before);
    problems.push({
      file: migration.fileName,
      line: migration.down[0]?.line,
      message: `the down section does not return to the schema before this migration:\n${[
        ...remaining.changes.map((c) => `  ${describeChange(c)}`),
        ...leftOver(afterDown, before).map((name) => `  ${name} (not managed by pg-schema: drop it by hand)`),
      ].join('\n')}`,
      fix: 'complete the down section; the SQL below is what is missing',
      sql: remaining.statements.map((s) => s.sql).join('\n\n'),
    });
  }
  const reapplied = await applyMigrations(db.client, [migration], {});
  if (reapplied.error) {
    problems.push(
      statementProblem(
        migration,
        `applying it again after its down section failed: ${reapplied.error.message}`,
        'make the down section undo every part of the up section',
      ),
    );
    return false;
  }
  return true;
}

/** What no kind manages that `after` holds and `before` does not (the diff cannot name it). */
function leftOver(after: Catalog, before: Catalog): string[] {
  const known = new Set(before.unsupported.map(describeUnsupported));
  return after.unsupported.map(describeUnsupported).filter((name) => !known.has(name));
}

/** Applies a prefix record's migrations in one call: whether the schema is the recorded one. */
async function appliesAsRecorded(
  db: ShadowDatabase,
  migrations: MigrationFile[],
  recorded: Catalog,
  options: IntrospectOptions,
): Promise<boolean> {
  const applied = await applyMigrations(db.client, migrations, {});
  return !applied.error && sameCatalog(await introspectCatalog(db.client, options), recorded);
}

function sameCatalog(a: Catalog, b: Catalog): boolean {
  return JSON.stringify(comparableCatalog(a)) === JSON.stringify(comparableCatalog(b));
}

/**
 * Lints one migration file against the schema before it (the same rules as a generated file),
 * adds the failing findings to `problems`, and returns its hazards with the file's accepts applied.
 */
function lintMigrationFile(
  migration: MigrationFile,
  before: Catalog,
  serverMajor: number,
  options: VerifyOptions,
  failOn: LintLevel | 'none',
  problems: VerifyProblem[],
): { hazards: StatementHazards[] } {
  const context = schemaContextOf([before], serverMajor);
  const sections = migration.up.map((step) => ({
    transaction: step.transaction,
    statements: step.statements,
  }));
  const text = readFileSync(join(options.migrationsDir, migration.fileName), 'utf8');
  const accepted = acceptedRules(text);
  const unknown: LintFinding[] = unknownAccepts(accepted).map((name) => ({
    rule: 'unknown-accept',
    level: 'warning',
    message: `"-- lint:accept ${name}" names no rule (see docs/lint.md), so it accepts nothing`,
  }));
  const findings = markAccepted([...lintMigration(sections, context), ...unknown], accepted);
  for (const finding of failingFindings(findings, failOn)) {
    problems.push({
      file: migration.fileName,
      line: finding.line,
      message: describeFinding(finding),
      fix:
        finding.rule === 'unknown-accept'
          ? 'correct the rule name (or hazard:<kind>) in the accept line'
          : `review it; if it is intended, add the line "-- lint:accept ${finding.rule}" to ${migration.fileName} (before it is applied anywhere)`,
    });
  }
  return { hazards: acceptHazards(analyseHazards(sections, context), accepted) };
}

function hazardProblemsOf(
  migration: MigrationFile,
  statements: StatementHazards[],
  failOnHazard: LintLevel | 'none',
): VerifyProblem[] {
  return failingHazards(statements, failOnHazard).map(({ statement, effect }) => ({
    file: migration.fileName,
    line: statement.line,
    message: `${effect.level} hazard:${effect.kind}: ${statement.statement}: ${effect.message}`,
    fix: `use the online form (docs/lint.md, "Making a risky step safe"); if it is intended, add the line "-- lint:accept hazard:${effect.kind}" to ${migration.fileName} (before it is applied anywhere)`,
  }));
}

function staticCheck(id: CheckId, problems: VerifyProblem[], note?: string): VerifyCheck {
  return {
    id,
    title: CHECK_TITLES[id],
    status: problems.length ? 'failed' : 'passed',
    problems,
    ...(note ? { note } : {}),
    durationMs: 0,
  };
}

function statementProblem(migration: MigrationFile, message: string, fix: string): VerifyProblem {
  const match = /^[^:\n]+:(\d+): /.exec(message);
  return { file: migration.fileName, line: match ? Number(match[1]) : undefined, message, fix };
}

function fixForFileProblem(message: string): string | undefined {
  if (message.includes('empty migration'))
    return 'delete the file and run migrate-generate again, or write the statements it should hold';
  if (message.includes('duplicate version'))
    return 'renumber the newer file after the last migration and run `npx pg-schema hash`';
  if (message.includes('file name')) return 'rename it to NNNN_name.sql';
  return undefined;
}
