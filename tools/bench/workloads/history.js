'use strict';
/**
 * Workload 3: a long history of small migrations. Replay into a shadow database, the service start
 * (initializeServiceDatabase) on an empty database and with everything applied, and the floor:
 * psql running the concatenated up sections (one transaction, and one per migration). The restart
 * with everything applied is measured inside the process (with and without the connect) and as a
 * whole process (tasks/restart-main.js, like a service's src/main.ts), beside the floor of such a
 * process (node, pg, connect, one query).
 */
const { rmSync } = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { writeHistory } = require('../lib/history-files.js');
const { createDatabase, dropDatabase, query } = require('../lib/server.js');
const { runTask, timeCommand } = require('../lib/spawn.js');

const PSQL = process.env.BENCH_PSQL || 'psql';
const RESTART_MAIN = path.join(__dirname, '..', 'tasks', 'restart-main.js');

async function psqlFile(url, file, singleTransaction) {
  const args = [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    ...(singleTransaction ? ['-1'] : []),
    '-d',
    url,
    '-f',
    file,
  ];
  return (await timeCommand(PSQL, args)).ms;
}

async function measureHistory(count, { server, runs, log, budget }) {
  const files = writeHistory(count);
  const out = {
    count,
    replay: [],
    read: [],
    initEmpty: [],
    initApplied: [],
    initAppliedNoConnect: [],
    restartProcess: [],
    restartFloor: [],
    psqlOne: [],
    psqlEach: [],
    errors: [],
  };
  // One database, emptied between measurements (dropping a database forces a checkpoint).
  const db = await createDatabase(server.url, 'history');
  const empty = () => query(db.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  const task = (mode) => runTask('history', { mode, url: db.url, migrationsDir: files.migrationsDir });
  for (let i = 0; i < runs; i++) {
    const runStarted = performance.now();
    try {
      await empty();
      const replay = await task('replay');
      out.replay.push(replay.ms);
      out.read.push(replay.readMs);

      await empty();
      const fromEmpty = await task('init');
      const upToDate = await task('init');
      if (fromEmpty.applied !== count || upToDate.mode !== 'up-to-date' || upToDate.parserLoaded) {
        throw new Error(
          `initializeServiceDatabase: expected ${count} applied then up-to-date without the parser, got ` +
            `${fromEmpty.applied} / ${upToDate.mode}${upToDate.parserLoaded ? ' (parser loaded)' : ''}`,
        );
      }
      out.initEmpty.push(fromEmpty.ms);
      out.initApplied.push(upToDate.ms);
      out.initAppliedNoConnect.push(upToDate.ms - upToDate.connectMs);
      const node = process.execPath;
      out.restartProcess.push((await timeCommand(node, [RESTART_MAIN, db.url, files.migrationsDir])).ms);
      out.restartFloor.push((await timeCommand(node, [RESTART_MAIN, db.url, '', '--floor'])).ms);

      await empty();
      out.psqlOne.push(await psqlFile(db.url, files.allInOne, true));
      await empty();
      out.psqlEach.push(await psqlFile(db.url, files.perMigration, false));
    } catch (error) {
      out.errors.push(error.message.split('\n')[0]);
      log(`  history run ${i + 1}: ${error.message.split('\n')[0]}`);
    }
    log(
      `  history ${count}, run ${i + 1}/${runs}: replay ${Math.round(out.replay.at(-1))} ms, ` +
        `init ${Math.round(out.initEmpty.at(-1))} / ${Math.round(out.initApplied.at(-1))} ms, ` +
        `restart process ${Math.round(out.restartProcess.at(-1))} ms (floor ${Math.round(out.restartFloor.at(-1))}), ` +
        `psql -1 ${Math.round(out.psqlOne.at(-1))} ms, psql each ${Math.round(out.psqlEach.at(-1))} ms`,
    );
    if (budget && i + 1 < runs && !budget.allows(performance.now() - runStarted)) {
      log(`  history: stopping after ${i + 1} runs to stay within the time budget`);
      break;
    }
  }
  await dropDatabase(server.url, db.name);
  rmSync(files.dir, { recursive: true, force: true });
  return out;
}

module.exports = { measureHistory };
