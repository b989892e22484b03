'use strict';
/**
 * verify on a long history (tools/bench/lib/history-files.js) after a new migration: the full
 * replay of N migrations (no record), then N+1 with the record of the first N (only the new one
 * replayed and round-tripped, catalog-records.ts `readPrefixRecord`), the same files again (a
 * whole hit), and N+1 with PG_SCHEMA_CACHE=off (the replay from scratch). Each round uses a fresh
 * cache folder; medians are printed, every round to stderr. Run by hand; writes nothing.
 *
 *   BENCH_MIGRATIONS=100 BENCH_RUNS=3 node tools/bench/verify-history.js
 */
const { runMain } = require('./lib/run-main.js');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { writeMigrationsSum } = require('@bakery-ia/init-manager');
const { writeHistory } = require('./lib/history-files.js');
const { chooseServer, settle } = require('./lib/server.js');
const { mediansTo } = require('./lib/stats.js');

async function main() {
  const count = Number(process.env.BENCH_MIGRATIONS) || 100;
  const runs = Number(process.env.BENCH_RUNS) || 3;
  const server = await chooseServer((line) => process.stderr.write(`${line}\n`));
  const { verifyMigrations } = require('@bakery-ia/pg-schema');
  const times = { full: [], next: [], hit: [], off: [] };
  for (let i = 0; i < runs; i++) {
    const history = writeHistory(count);
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bench-verify-cache-'));
    process.env.PG_SCHEMA_CACHE_DIR = cacheDir;
    const modelsDir = path.join(history.dir, 'models');
    mkdirSync(modelsDir);
    writeFileSync(path.join(modelsDir, 'schema.sql'), 'CREATE TABLE bench_models (id int);\n');
    const verify = async (variant) => {
      await settle(server.url);
      const started = performance.now();
      const report = await verifyMigrations({
        modelsDir,
        migrationsDir: history.migrationsDir,
        shadowUrl: server.url,
      });
      times[variant].push(performance.now() - started);
      return report.checks.find((check) => check.id === 'replay')?.note ?? '';
    };
    try {
      await verify('full');
      const version = String(count + 1).padStart(4, '0');
      writeFileSync(
        path.join(history.migrationsDir, `${version}_next.sql`),
        '-- migrate:up\nALTER TABLE public.h_0001 ADD COLUMN bench_next integer;\n\n-- migrate:down\nALTER TABLE public.h_0001 DROP COLUMN bench_next;\n',
      );
      writeMigrationsSum(history.migrationsDir);
      const note = await verify('next');
      if (!note.includes(`the first ${count} from the cache`)) throw new Error(`next run was: ${note}`);
      await verify('hit');
      process.env.PG_SCHEMA_CACHE = 'off';
      await verify('off');
      delete process.env.PG_SCHEMA_CACHE;
      process.stderr.write(
        `  round ${i + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v[i])])))}\n`,
      );
    } finally {
      rmSync(history.dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  const out = mediansTo(times, 'off');
  process.stdout.write(
    `${count} migrations on ${server.source} PG ${server.version}: ${JSON.stringify(out)}\n`,
  );
  await server.stop();
}

runMain(main);
