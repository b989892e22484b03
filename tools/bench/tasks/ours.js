'use strict';
/** Our engine end to end: planMigration (files -> shadow databases -> introspect -> diff -> lint). */
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { planMigration } = require('@bakery-ia/pg-schema');

module.exports = async function ours({ modelsDir, migrationsDir, shadowUrl, upFile }) {
  const started = performance.now();
  const plan = await planMigration({ modelsDir, migrationsDir, shadowUrl });
  const ms = performance.now() - started;
  if (upFile) writeFileSync(upFile, JSON.stringify(plan.up));
  return { ms, timings: plan.timings, changes: plan.changes.length, empty: plan.empty };
};
