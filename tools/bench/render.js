'use strict';
/**
 * Rewrites docs/benchmarks.md and docs/benchmarks-diff.svg from a saved BENCH_JSON file, without
 * measuring again (after a change to the report's wording): `node tools/bench/render.js FILE`.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const options = require('./lib/options.js');
const { renderReport } = require('./lib/report.js');
const { diffChartSvg } = require('./lib/diff-chart.js');

const file = process.argv[2];
if (!file) {
  process.stderr.write(
    'usage: node tools/bench/render.js RESULTS.json (written by BENCH_JSON=... npm run bench)\n',
  );
  process.exit(2);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
writeFileSync(options.svgFile, diffChartSvg(results));
writeFileSync(options.docsFile, renderReport(results));
process.stdout.write(`wrote ${options.docsFile} and ${options.svgFile}\n`);
