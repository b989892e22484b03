'use strict';
/**
 * Where one introspection's time goes, at 50 and 1000 tables of the bench schema (the diff
 * workload's "after" side): per query, the server CPU of its backend (utime + stime from /proc,
 * so the server must run on this machine) and the row count; the Node CPU of one whole read; and
 * the wall time of one read in a fresh Node process (as the bench's introspect task: connection
 * excluded) against the floor's catalog read (connect, the one query, end), interleaved.
 *
 *   node tools/bench/introspect-profile.js [dist folder of @bakery-ia/pg-schema]
 *
 * BENCH_DATABASE_URL: the server (default the local one); RUNS: wall-time runs per variant (7).
 */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const pg = require('pg');
const { schemaSpec } = require('./lib/schema/spec.js');
const { schemaSql } = require('./lib/schema/sql.js');
const { createDatabase, dropDatabase, runScript } = require('./lib/server.js');

const DIST = path.resolve(process.argv[2] ?? path.join(__dirname, '../../packages/pg-schema/dist'));
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.RUNS ?? 7);
const FLOOR = `SELECT n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** CPU milliseconds of a local backend (clock ticks of 10 ms). */
const backendCpu = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function perQuery(url) {
  const { introspectCatalog } = require(path.join(DIST, 'index.js'));
  const recorded = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function record(...args) {
    recorded.push({ text: typeof args[0] === 'string' ? args[0] : args[0].text, values: args[1] });
    return original.apply(this, args);
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await introspectCatalog(client, { connections: 1 });
    pg.Client.prototype.query = original;
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''`);
    const lines = [];
    let total = 0;
    for (const query of recorded) {
      if (/^\s*(BEGIN|SET|COMMIT|ROLLBACK)/.test(query.text)) continue;
      let rows = 0;
      const before = backendCpu(pid);
      for (let i = 0; i < 4; i++) rows = (await client.query(query.text, query.values)).rowCount;
      const ms = (backendCpu(pid) - before) / 4;
      total += ms;
      lines.push(
        `${ms.toFixed(1).padStart(8)} ${String(rows).padStart(6)}  ${query.text.replace(/\s+/g, ' ').slice(0, 90)}`,
      );
    }
    await client.query('COMMIT');
    let node = 0;
    for (let i = 0; i < 3; i++) {
      const started = process.cpuUsage();
      await introspectCatalog(client, { connections: 1 });
      const used = process.cpuUsage(started);
      node += (used.user + used.system) / 1000 / 3;
    }
    return { lines, total, node, queries: recorded.length };
  } finally {
    pg.Client.prototype.query = original;
    await client.end();
  }
}

function wallTimes(url) {
  const read = (options) => `
    const { performance } = require('node:perf_hooks'); const pg = require(${JSON.stringify(require.resolve('pg'))});
    const { introspectCatalog } = require(${JSON.stringify(path.join(DIST, 'index.js'))});
    (async () => { const c = new pg.Client({ connectionString: process.argv[1] }); await c.connect();
      const t = performance.now(); await introspectCatalog(c, ${JSON.stringify(options)});
      console.log(performance.now() - t); await c.end(); })();`;
  const floor = `
    const { performance } = require('node:perf_hooks'); const pg = require(${JSON.stringify(require.resolve('pg'))});
    (async () => { const t = performance.now(); const c = new pg.Client({ connectionString: process.argv[1] });
      await c.connect(); await c.query(${JSON.stringify(FLOOR)}); await c.end(); console.log(performance.now() - t); })();`;
  const variants = { 'one connection': read({ connections: 1 }), 'three connections': read({}), floor };
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, script] of Object.entries(variants)) {
      times[name].push(Number(execFileSync(process.execPath, ['-e', script, url]).toString()));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

(async () => {
  for (const tables of [50, 1000]) {
    const db = await createDatabase(SERVER, `introspect_profile_${tables}`);
    try {
      await runScript(db.url, schemaSql(schemaSpec(tables, 'after'), { transactionEvery: 100 }));
      const profile = await perQuery(db.url);
      console.log(`\n${tables} tables: server CPU per query (ms), rows`);
      for (const line of profile.lines) console.log(line);
      console.log(
        `server CPU ${profile.total.toFixed(0)} ms over ${profile.queries} queries; Node CPU ${profile.node.toFixed(0)} ms`,
      );
      const wall = wallTimes(db.url);
      console.log(
        `wall, median of ${RUNS} fresh processes: ` +
          Object.entries(wall)
            .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
            .join(', ') +
          ` | to the floor: one ${(wall['one connection'] / wall.floor).toFixed(2)}x, three ${(wall['three connections'] / wall.floor).toFixed(2)}x`,
      );
    } finally {
      await dropDatabase(SERVER, db.name);
    }
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
