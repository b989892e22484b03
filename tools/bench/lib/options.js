'use strict';
/** What one `npm run bench` measures: BENCH_QUICK=1 is a ~1 minute subset for development. */
const path = require('node:path');

const quick = process.env.BENCH_QUICK === '1';
const repoRoot = path.resolve(__dirname, '..', '..', '..');

module.exports = {
  quick,
  repoRoot,
  /** Timed runs per measurement; the report shows their median. */
  runs: Number(process.env.BENCH_RUNS) || (quick ? 3 : 5),
  /** Table counts of the schema diff workload. */
  sizes: quick ? [10, 50] : [10, 50, 200, 1000],
  /** Sizes whose engine stages get their own table (the 50-table/13-change case and the largest). */
  stageSizes: quick ? [50] : [50, 1000],
  historyLength: quick ? 100 : 300,
  nxServiceCounts: quick ? [14] : [14, 200],
  /** Rows of the writer-stall table (BENCH_STALL_ROWS). */
  stallRows: Number(process.env.BENCH_STALL_ROWS) || (quick ? 100_000 : 2_000_000),
  /** Workloads to run (comma list of diff,history,nx,stall); default all. */
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : ['diff', 'history', 'nx', 'stall'],
  docsFile: path.join(repoRoot, 'docs', 'benchmarks.md'),
  svgFile: path.join(repoRoot, 'docs', 'benchmarks-diff.svg'),
  /** Results as JSON too (for the lead or a later comparison); not committed. */
  jsonFile: process.env.BENCH_JSON || undefined,
};
