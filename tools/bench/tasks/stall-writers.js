'use strict';
/**
 * Writers for the writer-stall measurement: `clients` connections each updating a random row of
 * public.orders in a loop (autocommit), until `stopFile` exists. Returns every write's start
 * (epoch ms) and latency (ms), so the workload can tell the writes made while the migration ran.
 * Runs in its own process: the migration's own work in the parent cannot delay these timings.
 */
const { existsSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const pg = require('pg');

module.exports = async function stallWriters({ url, clients, rows, stopFile }) {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const starts = [];
  const latencies = [];
  let stop = false;
  const watcher = setInterval(() => (stop = existsSync(stopFile)), 20);
  const origin = Date.now() - performance.now();
  await Promise.all(
    connections.map(async (client, n) => {
      const query = { name: 'stall_update', text: 'UPDATE public.orders SET note = $1 WHERE id = $2' };
      while (!stop) {
        const id = 1 + Math.floor(Math.random() * rows);
        const started = performance.now();
        await client.query({ ...query, values: [`w${n}`, id] });
        starts.push(Math.round((origin + started) * 10) / 10);
        latencies.push(Math.round((performance.now() - started) * 100) / 100);
      }
    }),
  );
  clearInterval(watcher);
  await Promise.all(connections.map((client) => client.end()));
  return { starts, latencies };
};
