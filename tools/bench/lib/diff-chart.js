'use strict';
/** docs/benchmarks-diff.svg: median time of each tool against the table count. */
const { lineChartSvg } = require('./svg.js');
const { summarizeDiff } = require('./summary.js');

function diffChartSvg(results) {
  const rows = summarizeDiff(results);
  const series = (name, key, dashed) => ({
    name,
    dashed,
    points: rows.filter((row) => row[key] !== undefined).map((row) => [row.tableCount, row[key]]),
  });
  return lineChartSvg({
    title: 'Schema diff with 13 changes: median time by table count',
    xLabel: 'tables in the schema (log scale)',
    yLabel: 'median wall time (log scale)',
    xTicks: rows.map((row) => row.tableCount),
    series: [
      series('ours (end to end)', 'ours'),
      series('floor (Postgres alone)', 'floor'),
      series('migra + building its DBs', 'migraBuild', true),
      series('migra (diff only)', 'migra'),
      series('drizzle-kit (snapshots)', 'drizzle'),
    ],
  });
}

module.exports = { diffChartSvg };
