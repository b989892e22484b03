'use strict';
/** Our engine end to end: planMigration (files -> shadow databases -> introspect -> diff -> lint). */
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { planMigration } = require('@bakery-ia/pg-schema');

module.exports = async function ours({ modelsDir, migrationsDir, shadowUrl, upFile, cache }) {
  // `off`: PG_SCHEMA_CACHE=off (both schemas built every run); default the engine's own default.
  if (cache) process.env.PG_SCHEMA_CACHE = cache;
  const started = performance.now();
  const plan = await planMigration({ modelsDir, migrationsDir, shadowUrl });
  const ms = performance.now() - started;
  if (upFile) writeFileSync(upFile, JSON.stringify(plan.up));
  return { ms, timings: plan.timings, changes: plan.changes.length, empty: plan.empty, cache: plan.cache };
};
