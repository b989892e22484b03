'use strict';
/**
 * `npm run bench`: measures the schema engine, the migration applier and the Nx plugin against peer
 * tools and the Postgres floor, then writes docs/benchmarks.md and docs/benchmarks-diff.svg.
 * BENCH_QUICK=1 runs a ~1 minute subset. See tools/bench/README.md.
 */
const { writeFileSync } = require('node:fs');
const options = require('./lib/options.js');
const { Budget } = require('./lib/budget.js');
const { chooseServer, dropAll } = require('./lib/server.js');
const { machineFacts } = require('./lib/machine.js');
const { measureSize } = require('./workloads/diff.js');
const { measureParse } = require('./workloads/parse.js');
const { measureHistory } = require('./workloads/history.js');
const { measureNx } = require('./workloads/nx.js');
const { measureStall } = require('./workloads/stall.js');
const { withStallSection } = require('./lib/stall-report.js');
const { renderReport } = require('./lib/report.js');
const { diffChartSvg } = require('./lib/diff-chart.js');

const log = (line) => process.stdout.write(`${line}\n`);

/** Shares of the time budget per phase (ms); what a phase leaves goes to the next. */
function shares(totalMs) {
  return options.quick
    ? { small: totalMs * 0.45, history: totalMs * 0.15, nx: totalMs * 0.4, large: 0 }
    : { small: totalMs * 0.3, history: totalMs * 0.1, nx: totalMs * 0.2, large: totalMs * 0.4 };
}

async function main() {
  const budgetMs = (Number(process.env.BENCH_BUDGET_S) || (options.quick ? 60 : 400)) * 1000;
  const budget = new Budget(budgetMs);
  const share = shares(budgetMs);
  const server = await chooseServer(log);
  const cleanup = () => dropAll(server.url).then(() => server.stop());
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  const results = {
    quick: options.quick,
    runs: options.runs,
    budgetS: budgetMs / 1000,
    startedAt: new Date().toISOString(),
    machine: await machineFacts(server),
    diff: [],
    parse: [],
  };
  log(
    `bench: ${server.source}, PostgreSQL ${server.version}; ${options.quick ? 'quick' : 'full'} run, up to ${options.runs} runs per measurement`,
  );
  try {
    const sizes = options.only.includes('diff') ? options.sizes : [];
    const small = sizes.slice(0, -1);
    const large = sizes.at(-1);
    // Each smaller size gets its own slice of the phase, doubling with the size (1, 2, 4, ...).
    const smallSizes = options.quick ? sizes : small;
    const weightSum = 2 ** smallSizes.length - 1;
    for (const [index, tableCount] of smallSizes.entries()) {
      log(`diff: ${tableCount} tables`);
      const phase = budget.phase((share.small * 2 ** index) / weightSum);
      results.diff.push(await measureDiff(tableCount, server, phase));
    }
    if (options.only.includes('history')) {
      log(`history: ${options.historyLength} migrations`);
      results.history = await measureHistory(options.historyLength, {
        server,
        runs: options.runs,
        log,
        budget: budget.phase(share.history),
      });
    }
    if (options.only.includes('nx')) {
      log(`nx: ${options.nxServiceCounts.join(' and ')} services`);
      results.nx = await measureNx(options.nxServiceCounts, {
        server,
        runs: options.runs,
        log,
        budget: budget.phase(share.nx),
        // The first verify run fills the cache with 14 real verifies: too long for the quick subset.
        withVerify: !options.quick,
      });
    }
    if (options.only.includes('stall')) {
      log(`stall: ${options.stallRows} rows, 4 writers`);
      results.stall = await measureStall(options.stallRows, { server, log });
    }
    if (!options.quick && large !== undefined) {
      log(`diff: ${large} tables`);
      results.diff.push(await measureDiff(large, server, budget.phase(share.large)));
    }
  } finally {
    await cleanup();
  }
  results.elapsedS = budget.elapsedMs() / 1000;
  results.machine.loadAfter = require('node:os').loadavg();
  if (options.only.length === 1 && options.only[0] === 'stall') {
    // Only the stall section was measured: keep the rest of the page as it is.
    const { readFileSync } = require('node:fs');
    writeFileSync(options.docsFile, withStallSection(readFileSync(options.docsFile, 'utf8'), results.stall));
    if (options.jsonFile) writeFileSync(options.jsonFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`bench: updated the stall section of ${options.docsFile} in ${Math.round(results.elapsedS)} s`);
    return;
  }
  writeFileSync(options.svgFile, diffChartSvg(results));
  writeFileSync(options.docsFile, renderReport(results));
  if (options.jsonFile) writeFileSync(options.jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`bench: wrote ${options.docsFile} and ${options.svgFile} in ${Math.round(results.elapsedS)} s`);

  async function measureDiff(tableCount, srv, phase) {
    const withStages = options.stageSizes.includes(tableCount);
    const result = await measureSize(tableCount, {
      server: srv,
      runs: options.runs,
      log,
      budget: phase,
      withIntrospect: withStages,
    });
    if (withStages)
      results.parse.push(await measureParse(tableCount, { runs: result.results.ours.runs.length }));
    return result;
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
