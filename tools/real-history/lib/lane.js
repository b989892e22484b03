'use strict';
/**
 * Steps 2 and 3 on one server (a "lane"): the full history from nothing, then each checkpoint
 * step k -> k+1 with the migrations the engine generated up to k as the committed ones. A failed
 * step leaves no valid base for the next, so the chain is re-seeded: a migration generated from
 * nothing to checkpoint k+1 (checked up) replaces the committed ones.
 */
const fs = require('node:fs');
const path = require('node:path');
const { describeChange, generateMigration, verifyMigrations } = require('@bakery-ia/pg-schema');
const { checkConvergence, CheckFailure } = require('./convergence.js');
const { compareDumps, describeDumpDifference } = require('./dump.js');

const MIGRATION_TEXT_LIMIT = 20_000;

function resetDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

function setModels(modelsDir, dumpPath) {
  resetDir(modelsDir);
  fs.copyFileSync(dumpPath, path.join(modelsDir, '01_schema.sql'));
}

function errorMessage(error) {
  const code =
    error && error.code && typeof error.code === 'string' && /^[A-Z_]+$/.test(error.code)
      ? `${error.code}: `
      : '';
  return `${code}${String((error && error.message) || error)
    .split('\n')
    .slice(0, 3)
    .join(' | ')}`;
}

async function generate(lane, dirs, name) {
  try {
    return await generateMigration({
      modelsDir: dirs.models,
      migrationsDir: dirs.migrations,
      shadowUrl: lane.url,
      name,
    });
  } catch (error) {
    throw new CheckFailure('generate', errorMessage(error));
  }
}

function failure(error, started, extra = {}) {
  if (!(error instanceof CheckFailure)) error = new CheckFailure('harness', errorMessage(error));
  return { status: 'fail', stage: error.stage, error: error.message, ms: Date.now() - started, ...extra };
}

function migrationText(result) {
  return result && result.text ? result.text.slice(0, MIGRATION_TEXT_LIMIT) : undefined;
}

/** Step 2: models = the last dump, nothing committed: 0001 converges, a second generate finds nothing, verify passes. */
async function checkFullHistory({ lane, last, emptyDumpPath, workDir, pgDumpBin }) {
  const started = Date.now();
  const dirs = {
    models: path.join(workDir, 'full', 'models'),
    migrations: path.join(workDir, 'full', 'migrations'),
  };
  setModels(dirs.models, last.dumpPath);
  resetDir(dirs.migrations);
  let result;
  try {
    result = await generate(lane, dirs, 'initial');
    if (result.status !== 'written')
      throw new CheckFailure('generate', `expected a migration from an empty database, got ${result.status}`);
    await checkConvergence({
      lane,
      result,
      migrationsDir: dirs.migrations,
      dumpPath: last.dumpPath,
      previousDumpPath: emptyDumpPath,
      pgDumpBin,
    });
    const again = await generate(lane, dirs, 'again');
    if (again.status !== 'no-changes') {
      const changes = again.plan.changes.map(describeChange);
      throw new CheckFailure(
        'second generate',
        `expected "no changes", got ${changes.length}: ${changes.slice(0, 4).join('; ')}`,
      );
    }
    const verify = await verifyMigrations({
      modelsDir: dirs.models,
      migrationsDir: dirs.migrations,
      shadowUrl: lane.url,
    });
    if (!verify.ok) {
      const failed = verify.checks.filter((check) => check.status === 'failed');
      const problem = failed[0]?.problems[0];
      throw new CheckFailure(
        'verify',
        `${failed.map((c) => c.id).join(', ')} failed${problem ? `: ${problem.message.split('\n')[0]}` : ''}`,
      );
    }
    return { status: 'pass', ms: Date.now() - started };
  } catch (error) {
    return failure(error, started, { migration: migrationText(result) });
  }
}

/**
 * Step 3: one entry per consecutive pair of checkpoints (from nothing to the first, then k -> k+1).
 * `onStep(done, total, entry)` reports progress.
 */
async function checkSteps({ lane, checkpoints, emptyDumpPath, workDir, pgDumpBin, onStep }) {
  const dirs = {
    models: path.join(workDir, 'chain', 'models'),
    migrations: path.join(workDir, 'chain', 'migrations'),
  };
  resetDir(dirs.migrations);
  const steps = [];
  const reseeds = [];
  let base = { ok: true };
  let previous = { index: 0, file: '(empty database)', dumpPath: emptyDumpPath };
  for (const checkpoint of checkpoints) {
    const started = Date.now();
    const entry = { from: previous.index, to: checkpoint.index, file: checkpoint.file };
    const difference = compareDumps(
      fs.readFileSync(previous.dumpPath, 'utf8'),
      fs.readFileSync(checkpoint.dumpPath, 'utf8'),
    );
    entry.dumpChanged = difference !== undefined;
    if (!base.ok) {
      Object.assign(entry, { status: 'skip', stage: 'no base', error: base.reason, ms: 0 });
    } else {
      setModels(dirs.models, checkpoint.dumpPath);
      let result;
      try {
        result = await generate(lane, dirs, `to_${String(checkpoint.index).padStart(4, '0')}`);
        if (result.status === 'no-changes') {
          if (difference)
            throw new CheckFailure(
              'no changes found',
              `the schema changed but the engine says "no changes": ${describeDumpDifference(difference)}`,
            );
          Object.assign(entry, { status: 'pass', noChange: true });
        } else {
          entry.generated = result.fileName;
          if (!difference) {
            const changes = result.plan.changes.map(describeChange);
            throw new CheckFailure(
              'spurious changes',
              `pg_dump sees no change but the engine planned ${changes.length}: ${changes.slice(0, 4).join('; ')}`,
            );
          }
          const note = await checkConvergence({
            lane,
            result,
            migrationsDir: dirs.migrations,
            dumpPath: checkpoint.dumpPath,
            previousDumpPath: previous.dumpPath,
            pgDumpBin,
          });
          entry.status = 'pass';
          if (note) entry.note = note;
        }
        entry.ms = Date.now() - started;
      } catch (error) {
        Object.assign(entry, failure(error, started, { migration: migrationText(result) }));
      }
    }
    steps.push(entry);
    if (entry.status !== 'pass') {
      base = await reseed({ lane, dirs, checkpoint, emptyDumpPath, pgDumpBin });
      reseeds.push({ at: checkpoint.index, ok: base.ok, ...(base.ok ? {} : { error: base.reason }) });
    }
    previous = checkpoint;
    if (onStep) onStep(steps.length, checkpoints.length, entry);
  }
  return { steps, reseeds };
}

/** A new base at `checkpoint`: one migration generated from nothing, checked up. */
async function reseed({ lane, dirs, checkpoint, emptyDumpPath, pgDumpBin }) {
  resetDir(dirs.migrations);
  setModels(dirs.models, checkpoint.dumpPath);
  try {
    const result = await generate(lane, dirs, `seed_${String(checkpoint.index).padStart(4, '0')}`);
    if (result.status !== 'written')
      throw new CheckFailure('generate', `expected a migration from an empty database, got ${result.status}`);
    await checkConvergence({
      lane,
      result,
      migrationsDir: dirs.migrations,
      dumpPath: checkpoint.dumpPath,
      previousDumpPath: emptyDumpPath,
      pgDumpBin,
      down: false,
    });
    return { ok: true };
  } catch (error) {
    resetDir(dirs.migrations);
    const reason = error instanceof CheckFailure ? `${error.stage}: ${error.message}` : errorMessage(error);
    return { ok: false, reason: `re-seed from nothing at migration ${checkpoint.index} failed (${reason})` };
  }
}

module.exports = { checkFullHistory, checkSteps };
