'use strict';
/** The "read files" stage taken apart: parser alone vs splitStatements on one models file. */
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { schemaSpec } = require('../lib/schema/spec.js');
const { schemaSql } = require('../lib/schema/sql.js');
const { runTask } = require('../lib/spawn.js');

async function measureParse(tableCount, { runs }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-parse-${tableCount}-`));
  const file = path.join(dir, 'schema.sql');
  writeFileSync(file, schemaSql(schemaSpec(tableCount, 'after')));
  const out = { tableCount, runs: [] };
  try {
    for (let i = 0; i < Math.max(1, runs); i++) out.runs.push(await runTask('parse', { file }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

module.exports = { measureParse };
