'use strict';
/** Medians of the raw results, shared by the report and the chart. */
const { median, medianByKey } = require('./stats.js');

const msOf = (runs) => median(runs.map((r) => r.ms));

function summarizeSize(size) {
  const r = size.results;
  const floorParts = medianByKey(r.floor.runs.map((run) => run.timings));
  const migra = msOf(r.migra.runs);
  const floorBuild =
    floorParts['create databases'] !== undefined
      ? floorParts['create databases'] + floorParts['build schemas']
      : undefined;
  return {
    tableCount: size.tableCount,
    n: Object.fromEntries(Object.entries(r).map(([tool, v]) => [tool, v.runs.length])),
    errors: Object.fromEntries(Object.entries(r).map(([tool, v]) => [tool, v.errors])),
    ours: msOf(r.ours.runs),
    floor: msOf(r.floor.runs),
    migra,
    migraBuild: migra !== undefined && floorBuild !== undefined ? migra + floorBuild : undefined,
    drizzle: msOf(r.drizzle.runs),
    drizzleLoad: median(r.drizzle.runs.map((run) => run.loadMs)),
    introspect: msOf(r.introspect.runs),
    oursStages: medianByKey(r.ours.runs.map((run) => run.timings)),
    floorParts,
    rss: {
      ours: median(r.ours.runs.map((run) => run.maxRssKb)),
      migra: median(r.migra.runs.map((run) => run.maxRssKb)),
      drizzle: median(r.drizzle.runs.map((run) => run.maxRssKb)),
    },
    convergence: size.convergence,
    upSql: size.upSql,
  };
}

function summarizeDiff(results) {
  return results.diff.map(summarizeSize).sort((a, b) => a.tableCount - b.tableCount);
}

module.exports = { summarizeDiff, msOf };
