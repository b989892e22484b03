'use strict';
/**
 * Test-only preload (`node -r hold-points.cjs`) for child processes that a test interrupts.
 * Prints `[test-point] build <databases>` when a migration's `pg_sleep(` query is sent, and
 * `[test-point] closing <databases>` when the shadow database clients are being closed: the plan
 * is complete and nothing is written yet. With PG_SCHEMA_TEST_HOLD_UNTIL_SIGNAL=1 those closes
 * wait until the process receives SIGINT/SIGTERM (at most 15 s), so the run resumes exactly
 * when the interrupt arrives: the race in which a migration used to be written after Ctrl-C.
 * `<databases>`: the shadow databases the process connected to, comma-separated.
 */
const pg = require('pg');

const shadowDatabases = new Set();
const announce = (point) => process.stderr.write(`[test-point] ${point} ${[...shadowDatabases].join(',')}\n`);
const isShadow = (client) => String(client.database).startsWith('pg_schema_shadow_');

let signaled = Promise.resolve();
if (process.env.PG_SCHEMA_TEST_HOLD_UNTIL_SIGNAL === '1') {
  signaled = new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, resolve);
    setTimeout(resolve, 15_000).unref();
  });
}

const connect = pg.Client.prototype.connect;
pg.Client.prototype.connect = function (...args) {
  if (isShadow(this)) shadowDatabases.add(this.database);
  return connect.apply(this, args);
};

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text === 'string' && text.includes('pg_sleep(')) announce('build');
  return query.call(this, config, ...rest);
};

const end = pg.Client.prototype.end;
let announced = false;
pg.Client.prototype.end = function (...args) {
  if (!isShadow(this)) return end.apply(this, args);
  if (!announced) announce('closing');
  announced = true;
  return signaled.then(() => end.apply(this, args));
};
