'use strict';
/**
 * Workload 1 and 2: the schema diff of N tables with the 13-change set, by our engine, @pgkit/migra,
 * drizzle-kit and the floor (Postgres alone); then whether each tool's up SQL converges.
 */
const { readFileSync, rmSync } = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { writeDiffFixtures } = require('../lib/fixtures.js');
const { createDatabase, dropDatabase, runScript } = require('../lib/server.js');
const { runTask } = require('../lib/spawn.js');
const { checkConvergence, readTarget, applySteps, applyScript } = require('../lib/converge.js');
const { staticFeatures } = require('../lib/sql-features.js');

const TOOLS = ['ours', 'floor', 'migra', 'drizzle'];

/**
 * Timed runs, round robin over the tools so drift on a noisy machine spreads evenly. `budget` may
 * stop a large size after fewer runs (never fewer than one per tool); the report shows each count.
 */
async function measureSize(tableCount, { server, runs, log, budget, withIntrospect, keepFiles }) {
  const files = writeDiffFixtures(tableCount);
  const sqlFile = (tool) => path.join(files.dir, `${tool}-up.sql`);
  const argsOf = {
    ours: (i) => ({
      modelsDir: files.modelsDir,
      migrationsDir: files.migrationsDir,
      shadowUrl: server.url,
      upFile: i === 0 ? path.join(files.dir, 'ours-up.json') : undefined,
    }),
    floor: (i) => ({
      serverUrl: server.url,
      beforeFile: files.beforeChunked,
      afterFile: files.afterChunked,
      label: `${tableCount}_${i}`,
    }),
    migra: (i) => ({
      fromUrl: before.url,
      toUrl: after.url,
      sqlFile: i === 0 ? sqlFile('migra') : undefined,
    }),
    drizzle: (i) => ({
      beforeFile: files.drizzleBefore,
      afterFile: files.drizzleAfter,
      sqlFile: i === 0 ? sqlFile('drizzle') : undefined,
    }),
  };

  // The two databases migra diffs and convergence compares with, built once.
  const [before, after] = await Promise.all([
    createDatabase(server.url, `before_${tableCount}`),
    createDatabase(server.url, `after_${tableCount}`),
  ]);
  await Promise.all([
    runScript(before.url, readFileSync(files.beforeChunked, 'utf8')),
    runScript(after.url, readFileSync(files.afterChunked, 'utf8')),
  ]);

  const results = Object.fromEntries(TOOLS.map((tool) => [tool, { runs: [], errors: [] }]));
  results.introspect = { runs: [], errors: [] };
  const tools = withIntrospect ? [...TOOLS, 'introspect'] : TOOLS;
  for (let i = 0; i < runs; i++) {
    const roundStarted = performance.now();
    for (const tool of tools) {
      const args = tool === 'introspect' ? { url: after.url } : argsOf[tool](i);
      try {
        results[tool].runs.push(await runTask(tool, args, { timeoutMs: 600_000 }));
      } catch (error) {
        results[tool].errors.push(error.message.split('\n').slice(0, 3).join(' '));
        log(`  ${tool} ${tableCount} tables run ${i + 1}: ${error.message.split('\n')[0]}`);
      }
    }
    const roundMs = performance.now() - roundStarted;
    log(
      `  ${tableCount} tables, run ${i + 1}/${runs}: ` +
        TOOLS.map((t) => `${t} ${Math.round(results[t].runs.at(-1)?.ms ?? NaN)} ms`).join(', '),
    );
    if (budget && i + 1 < runs && !budget.allows(roundMs)) {
      log(`  ${tableCount} tables: stopping after ${i + 1} runs to stay within the time budget`);
      break;
    }
  }

  log(`  ${tableCount} tables: convergence checks`);
  const target = await readTarget(after.url);
  const outputs = {
    ours: [path.join(files.dir, 'ours-up.json'), (text) => JSON.parse(text), applySteps],
    migra: [sqlFile('migra'), (text) => text, applyScript],
    drizzle: [sqlFile('drizzle'), (text) => text, applyScript],
  };
  const convergence = {};
  for (const [tool, [file, parse, apply]] of Object.entries(outputs)) {
    convergence[tool] = await converge(server, `${tool}_${tableCount}`, before, target, file, parse, apply);
  }
  const upSql = readUpSql(files);
  await Promise.all([dropDatabase(server.url, before.name), dropDatabase(server.url, after.name)]);
  if (!keepFiles) rmSync(files.dir, { recursive: true, force: true });
  return { tableCount, results, convergence, upSql };
}

/** Applies a tool's output (missing when every run failed) to a copy of "before" and re-diffs. */
async function converge(server, label, before, target, file, parse, apply) {
  let output;
  try {
    output = parse(readFileSync(file, 'utf8'));
  } catch {
    return { applied: false, converged: false, error: 'no output (every run failed)', residual: [] };
  }
  return checkConvergence(server.url, {
    label,
    beforeDb: before.name,
    after: target,
    apply: (client) => apply(client, output),
  });
}

/** Each tool's up SQL as text: statement count and what it says about identity, comments, enums. */
function readUpSql(files) {
  const read = (file, toText) => {
    try {
      return toText(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  };
  const texts = {
    ours: read(path.join(files.dir, 'ours-up.json'), (text) =>
      JSON.parse(text)
        .flatMap((step) => step.statements)
        .filter((sql) => !/^SET LOCAL /i.test(sql)),
    ),
    migra: read(path.join(files.dir, 'migra-up.sql'), (text) =>
      text.split(/;\s*\n/).filter((sql) => sql.trim() && !/^set /i.test(sql.trim())),
    ),
    drizzle: read(path.join(files.dir, 'drizzle-up.sql'), (text) =>
      text.split(';\n').filter((sql) => sql.trim()),
    ),
  };
  return Object.fromEntries(
    Object.entries(texts).map(([tool, statements]) => [
      tool,
      statements && { statements: statements.length, ...staticFeatures(statements.join(';\n')) },
    ]),
  );
}

module.exports = { measureSize, TOOLS };
