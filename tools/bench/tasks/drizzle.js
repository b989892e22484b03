'use strict';
/** drizzle-kit: generateMigration from two snapshots (no database; drizzle's own schema model). */
const { readFileSync, writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

module.exports = async function drizzle({ beforeFile, afterFile, sqlFile }) {
  const loadStarted = performance.now();
  const { generateMigration } = require('drizzle-kit/api');
  const loadMs = performance.now() - loadStarted;
  const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
  const after = JSON.parse(readFileSync(afterFile, 'utf8'));
  const started = performance.now();
  const statements = await generateMigration(before, after);
  const ms = performance.now() - started;
  if (sqlFile) writeFileSync(sqlFile, statements.map((s) => `${s.trim().replace(/;$/, '')};`).join('\n'));
  return { ms, loadMs, statements: statements.length };
};
