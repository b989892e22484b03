'use strict';
/**
 * Focused measurement of `nx run-many -t migrate-verify` of the 14 services, Nx's cache skipped
 * (--skip-nx-cache) so every task really runs: *before* = one process per task
 * (NX_BATCH_MODE=false) and PG_SCHEMA_CACHE=off, the plugin and engine before issue 14; *off* = the
 * tasks in one Nx batch, no engine cache; then the batch with the cache cold (its entries cleared
 * first) and warm; and *warm, per task* = warm cache, one process per task. MIGRATE_SHADOW_URL =
 * the bench server, as in the nx workload. Rounds interleave; medians are printed, ratios to
 * *before*.
 *
 *   node tools/bench/verify-cache.js      # BENCH_RUNS rounds (default 3)
 *   BENCH_VERIFY_SHADOW=embedded node tools/bench/verify-cache.js
 *       # no MIGRATE_SHADOW_URL: the embedded default (off: a throw-away server per task; on: the
 *       # workspace's shared server, whose cache folder is cleared before each cold run)
 */
const { runMain } = require('./lib/run-main.js');
const { rmSync, unlinkSync } = require('node:fs');
const path = require('node:path');
const { createNxWorkspace } = require('./lib/nx-workspace.js');
const { chooseServer } = require('./lib/server.js');
const { timeCommand } = require('./lib/spawn.js');
const { median } = require('./lib/stats.js');

async function runMany(root, env) {
  const command = `TIMEFORMAT='%R %U %S'; time node node_modules/nx/dist/bin/nx.js run-many -t migrate-verify --skip-nx-cache --outputStyle=static > nx-output.txt 2>&1`;
  const { output } = await timeCommand('bash', ['-c', command], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...env },
  });
  const [real, user, sys] = output.trim().split('\n').pop().split(' ').map(Number);
  return { ms: real * 1000, cpuMs: (user + sys) * 1000 };
}

/** Waits for the shared server of `cacheDir` to stop (its watchdog), then removes the folder. */
async function clearEmbedded(cacheDir) {
  const { readdirSync, readFileSync } = require('node:fs');
  const deadline = Date.now() + 30_000;
  const running = () => {
    try {
      return readdirSync(cacheDir).some((name) => {
        try {
          const pid = Number(
            readFileSync(path.join(cacheDir, name, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
          );
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  };
  while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  rmSync(cacheDir, { recursive: true, force: true });
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS) || 3;
  const server = await chooseServer((line) => process.stderr.write(`${line}\n`));
  const { clearCache } = require('@bakery-ia/pg-schema');
  const ws = createNxWorkspace(14);
  const times = { before: [], off: [], cold: [], warm: [], 'warm, per task': [] };
  try {
    const embedded = process.env.BENCH_VERIFY_SHADOW === 'embedded';
    const cacheDir = path.join(ws.root, '.bench-pg-schema-cache');
    // As root the shared server runs as the postgres user, which must enter the workspace folder.
    if (embedded) require('node:fs').chmodSync(ws.root, 0o711);
    const { MIGRATE_SHADOW_URL: _unset, ...rest } = process.env;
    if (embedded) process.env = rest;
    // Each run's own cache folder (records, and the embedded server), cleared before a cold run.
    const env = embedded
      ? { PG_SCHEMA_CACHE_DIR: cacheDir, PG_SCHEMA_SERVER_IDLE_MS: '5000' }
      : { MIGRATE_SHADOW_URL: server.url, PG_SCHEMA_CACHE_DIR: cacheDir };
    for (let i = 0; i < runs; i++) {
      times.before.push(await runMany(ws.root, { ...env, PG_SCHEMA_CACHE: 'off', NX_BATCH_MODE: 'false' }));
      times.off.push(await runMany(ws.root, { ...env, PG_SCHEMA_CACHE: 'off' }));
      if (embedded) await clearEmbedded(cacheDir);
      else {
        await clearCache(server.url);
        rmSync(path.join(cacheDir, 'records'), { recursive: true, force: true });
      }
      times.cold.push(await runMany(ws.root, env));
      times.warm.push(await runMany(ws.root, env));
      times['warm, per task'].push(await runMany(ws.root, { ...env, NX_BATCH_MODE: 'false' }));
      process.stderr.write(
        `  round ${i + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v[i]])))}\n`,
      );
    }
  } finally {
    unlinkSync(path.join(ws.root, 'node_modules'));
    rmSync(ws.root, { recursive: true, force: true });
    await server.stop();
  }
  const before = median(times.before.map((t) => t.ms));
  const summary = Object.fromEntries(
    Object.entries(times).map(([k, v]) => {
      const ms = median(v.map((t) => t.ms));
      return [
        k,
        {
          wallMs: Math.round(ms),
          cpuMs: Math.round(median(v.map((t) => t.cpuMs))),
          toBefore: Number((ms / before).toFixed(2)),
        },
      ];
    }),
  );
  process.stdout.write(
    `run-many -t migrate-verify, 14 services, ${process.env.BENCH_VERIFY_SHADOW === 'embedded' ? 'the embedded default' : `${server.source} PG ${server.version}`}: ${JSON.stringify(summary)}\n`,
  );
}

runMain(main);
