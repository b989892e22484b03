'use strict';
/**
 * The "read files" stage, taken apart for one models file: Postgres' parser (libpg-query parseSync)
 * alone, and init-manager's splitStatements (the parse plus statement texts and line numbers).
 */
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { loadSqlParser, splitStatements } = require('@bakery-ia/init-manager');

// libpg-query as init-manager resolves it (the bench does not depend on it directly).
const libpgQuery = require(
  require.resolve('libpg-query', { paths: [require.resolve('@bakery-ia/init-manager')] }),
);

module.exports = async function parse({ file }) {
  const sql = readFileSync(file, 'utf8');
  await loadSqlParser();
  libpgQuery.parseSync('SELECT 1'); // warm the WASM module: both measurements below start warm
  let started = performance.now();
  const tree = libpgQuery.parseSync(sql);
  const parseMs = performance.now() - started;
  started = performance.now();
  const statements = splitStatements(sql);
  const splitMs = performance.now() - started;
  return {
    ms: splitMs,
    parseMs,
    splitMs,
    statements: statements.length,
    parsed: tree.stmts.length,
    bytes: sql.length,
  };
};
