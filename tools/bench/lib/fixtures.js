'use strict';
/**
 * Writes the inputs of one diff-workload size into a temp folder: the before/after scripts, the
 * engine's models and migrations (0001 = before, with migrations.sum), and drizzle snapshots.
 */
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { writeMigrationsSum } = require('@bakery-ia/init-manager');
const { schemaSpec } = require('./schema/spec.js');
const { schemaSql } = require('./schema/sql.js');
const { drizzleSnapshot } = require('./schema/drizzle.js');

const BEFORE_ID = '00000000-0000-4000-8000-000000000001';
const AFTER_ID = '00000000-0000-4000-8000-000000000002';
const ORIGIN_ID = '00000000-0000-0000-0000-000000000000';

function writeDiffFixtures(tableCount) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-diff-${tableCount}-`));
  const before = schemaSpec(tableCount, 'before');
  const after = schemaSpec(tableCount, 'after');
  const files = {
    dir,
    beforeFile: path.join(dir, 'before.sql'),
    afterFile: path.join(dir, 'after.sql'),
    // The same schemas with a COMMIT every 100 tables (the floor and the bench's own setup).
    beforeChunked: path.join(dir, 'before-chunked.sql'),
    afterChunked: path.join(dir, 'after-chunked.sql'),
    modelsDir: path.join(dir, 'models'),
    migrationsDir: path.join(dir, 'migrations'),
    drizzleBefore: path.join(dir, 'drizzle-before.json'),
    drizzleAfter: path.join(dir, 'drizzle-after.json'),
  };
  const beforeSql = schemaSql(before);
  const afterSql = schemaSql(after);
  writeFileSync(files.beforeFile, beforeSql);
  writeFileSync(files.afterFile, afterSql);
  writeFileSync(files.beforeChunked, schemaSql(before, { transactionEvery: 100 }));
  writeFileSync(files.afterChunked, schemaSql(after, { transactionEvery: 100 }));
  mkdirSync(files.modelsDir);
  writeFileSync(path.join(files.modelsDir, 'schema.sql'), afterSql);
  mkdirSync(files.migrationsDir);
  writeFileSync(
    path.join(files.migrationsDir, '0001_initial.sql'),
    `-- The "before" schema of the bench (${tableCount} tables).\n\n-- migrate:up\n${beforeSql}\n-- migrate:down\nDROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n`,
  );
  writeMigrationsSum(files.migrationsDir);
  writeFileSync(files.drizzleBefore, JSON.stringify(drizzleSnapshot(before, BEFORE_ID, ORIGIN_ID)));
  writeFileSync(files.drizzleAfter, JSON.stringify(drizzleSnapshot(after, AFTER_ID, BEFORE_ID)));
  return files;
}

module.exports = { writeDiffFixtures };
