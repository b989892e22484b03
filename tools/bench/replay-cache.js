'use strict';
/**
 * Focused measurement of the replay and models cache (issue 14): planMigration end to end on the
 * diff workload's schema, against the floor, with the cache off (every run builds both schemas:
 * the engine before the cache), cold (new keys: a comment added to both files) and warm (the same
 * files again: the first hit copies the template, the next renames in the copy that one handed
 * back, `spare`; since the plan records, both read the record of the cold run and open no
 * database), and next (a new migration 0002 on top: a miss that copies the replay of 0001 and
 * applies only 0002, cache/replay-bases.ts), and a models change (a new table, the migrations
 * unchanged: the everyday edit) planned without and with the sides' catalog records
 * (generate/plan-schemas.ts). Rounds interleave them so machine noise hits them
 * alike; medians are printed,
 * and every round's stages (the engine's `timings`, the floor's parts) go to stderr. Before each
 * run the server settles (lib/server.js `settle`): the drops the engine detached are done and a
 * checkpoint is taken, so no run pays for the one before it.
 *
 *   node tools/bench/replay-cache.js            # 50 and 1000 tables, 3 rounds
 *   BENCH_SIZES=50 BENCH_RUNS=5 node tools/bench/replay-cache.js
 */
const { runMain } = require('./lib/run-main.js');
const { appendFileSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { writeMigrationsSum } = require('@bakery-ia/init-manager');
const { writeDiffFixtures } = require('./lib/fixtures.js');
const { chooseServer, settle } = require('./lib/server.js');
const { runTask } = require('./lib/spawn.js');
const { mediansTo } = require('./lib/stats.js');
const { recordsRoot } = require('../../packages/pg-schema/dist/cache/catalog-records.js');

const rounded = (timings) =>
  Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]));

async function main() {
  const sizes = (process.env.BENCH_SIZES || '50,1000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS) || 3;
  const server = await chooseServer((line) => process.stderr.write(`${line}\n`));
  const out = {};
  for (const size of sizes) {
    const files = writeDiffFixtures(size);
    const ours = async (cache) => {
      await settle(server.url);
      return runTask('ours', {
        modelsDir: files.modelsDir,
        migrationsDir: files.migrationsDir,
        shadowUrl: server.url,
        cache,
      });
    };
    const times = {
      floor: [],
      off: [],
      cold: [],
      warm: [],
      spare: [],
      next: [],
      'models, no records': [],
      models: [],
    };
    const modelsFile = path.join(files.modelsDir, 'schema.sql');
    // A models change (a new table), planned once as before the sides' catalog records (the
    // records folder emptied: both databases are opened and introspected) and once with them
    // (the replay's catalog from its record, only the models database built).
    const modelsChange = async (name, withRecords) => {
      const text = readFileSync(modelsFile, 'utf8');
      appendFileSync(modelsFile, `\nCREATE TABLE public.${name} (id integer PRIMARY KEY);\n`);
      if (!withRecords) rmSync(recordsRoot(), { recursive: true, force: true });
      const run = await ours().finally(() => writeFileSync(modelsFile, text));
      const expected = withRecords ? ['replay'] : [];
      if (run.cache.models !== 'miss' || JSON.stringify(run.cache.recorded) !== JSON.stringify(expected))
        throw new Error(`models run (records ${withRecords}) was ${JSON.stringify(run.cache)}`);
      return run;
    };
    try {
      for (let i = 0; i < runs; i++) {
        await settle(server.url);
        const floor = await runTask('floor', {
          serverUrl: server.url,
          beforeFile: files.beforeChunked,
          afterFile: files.afterChunked,
          label: `rc${i}`,
        });
        times.floor.push(floor.ms);
        times.off.push((await ours('off')).ms);
        // New keys: the same schema, one more comment line in each file.
        appendFileSync(path.join(files.modelsDir, 'schema.sql'), `\n-- bench cold run ${Date.now()}\n`);
        appendFileSync(
          path.join(files.migrationsDir, '0001_initial.sql'),
          `\n-- bench cold run ${Date.now()}\n`,
        );
        writeMigrationsSum(files.migrationsDir);
        const cold = await ours();
        if (cold.cache.replay !== 'miss' || cold.cache.models !== 'miss')
          throw new Error(`cold run was ${JSON.stringify(cold.cache)}`);
        times.cold.push(cold.ms);
        const warm = await ours();
        if (warm.cache.replay !== 'hit' || warm.cache.models !== 'hit')
          throw new Error(`warm run was ${JSON.stringify(warm.cache)}`);
        times.warm.push(warm.ms);
        // The steady state: the copy the warm run handed back is renamed in (no copy, no drop).
        const spare = await ours();
        if (spare.cache.replay !== 'hit' || spare.cache.models !== 'hit')
          throw new Error(`spare run was ${JSON.stringify(spare.cache)}`);
        times.spare.push(spare.ms);
        // A new migration on top (the everyday case): a miss that copies the replay of 0001 and
        // applies only 0002; the file goes again before the next round.
        const added = path.join(files.migrationsDir, '0002_next.sql');
        writeFileSync(
          added,
          `-- migrate:up\nALTER TABLE public.t_0000 ADD COLUMN bench_next_${i} integer;\n\n-- migrate:down\nALTER TABLE public.t_0000 DROP COLUMN bench_next_${i};\n`,
        );
        writeMigrationsSum(files.migrationsDir);
        const next = await ours();
        rmSync(added);
        writeMigrationsSum(files.migrationsDir);
        if (next.cache.replay !== 'miss' || next.cache.replayBuiltOn !== 1)
          throw new Error(`next run was ${JSON.stringify(next.cache)}`);
        times.next.push(next.ms);
        // After next: the records folder emptied here would leave next without the models' record.
        const modelsBefore = await modelsChange(`bench_models_${i}_a`, false);
        times['models, no records'].push(modelsBefore.ms);
        const models = await modelsChange(`bench_models_${i}_b`, true);
        times.models.push(models.ms);
        process.stderr.write(
          `  ${size} tables run ${i + 1}: ${JSON.stringify({ floor: times.floor[i], off: times.off[i], cold: cold.ms, warm: warm.ms, spare: spare.ms, modelsBefore: modelsBefore.ms, models: models.ms, next: next.ms, stages: { floor: rounded(floor.timings), cold: cold.timings, warm: warm.timings, spare: spare.timings, modelsBefore: modelsBefore.timings, models: models.timings, next: next.timings } })}\n`,
        );
      }
    } finally {
      rmSync(files.dir, { recursive: true, force: true });
    }
    out[size] = mediansTo(times, 'floor');
    process.stdout.write(
      `${size} tables on ${server.source} PG ${server.version}: ${JSON.stringify(out[size])}\n`,
    );
  }
  await server.stop();
}

runMain(main);
