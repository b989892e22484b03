'use strict';
/** @pgkit/migra: database-to-database diff of two databases that already hold the schemas. */
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const migra = require('@pgkit/migra');

module.exports = async function runMigra({ fromUrl, toUrl, sqlFile }) {
  const started = performance.now();
  // unsafe: let it write drops (a drop column is part of the change set).
  const migration = await migra.run(fromUrl, toUrl, { unsafe: true });
  const sql = migration.sql;
  const ms = performance.now() - started;
  if (sqlFile) writeFileSync(sqlFile, sql);
  await Promise.all([migration.s_from, migration.s_target].map((c) => c && c.end && c.end()));
  return { ms, statements: sql.split(/;\s*\n/).filter((s) => s.trim()).length };
};
