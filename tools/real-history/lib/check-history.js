'use strict';
/**
 * The whole check for given servers: the replay with dumps on `replayUrl` (step 1), then on every
 * lane at once the full history (step 2) and the checkpoint steps (step 3). Returns the report's
 * body; the command (run.js) chooses the servers, prints and writes it.
 */
const fs = require('node:fs');
const path = require('node:path');
const postgres = require('./postgres.js');
const { pgDump } = require('./dump.js');
const { replayHistory } = require('./replay.js');
const { checkFullHistory, checkSteps } = require('./lane.js');
const { isOk } = require('./report.js');

/**
 * lanes: [{ key, label, url, server, canDump, ignoreColumnOrder }], each a server the engine runs
 * its shadow databases on; `lanes` may also be a promise (the embedded server still starting).
 */
async function checkHistory({
  historyName,
  migrations,
  checkpoints: indexes,
  replayUrl,
  replayServer,
  lanes,
  workDir,
  psql,
  pgDumpBin,
  log,
}) {
  const started = Date.now();
  const empty = await postgres.createDatabase(replayUrl, 'empty');
  const emptyDumpPath = path.join(workDir, 'empty.sql');
  try {
    fs.writeFileSync(emptyDumpPath, await pgDump(pgDumpBin, empty.url));
  } finally {
    await empty.drop();
  }
  const replayStarted = Date.now();
  const checkpoints = await replayHistory({
    serverUrl: replayUrl,
    migrations,
    checkpoints: indexes,
    workDir,
    psql,
    pgDumpBin,
    log,
  });
  const replayMs = Date.now() - replayStarted;
  log(`replayed ${migrations.length} migrations on ${replayServer} in ${(replayMs / 1000).toFixed(1)} s`);

  const results = await Promise.all(
    (await lanes).map(async (lane) => {
      const laneStarted = Date.now();
      const laneDir = path.join(workDir, lane.key);
      const common = { lane, emptyDumpPath, workDir: laneDir, pgDumpBin };
      const full = await checkFullHistory({ ...common, last: checkpoints[checkpoints.length - 1] });
      log(
        `${lane.label}: full history ${full.status === 'pass' ? 'ok' : `FAILED at ${full.stage}: ${full.error}`}`,
      );
      let failed = 0;
      const chain = await checkSteps({
        ...common,
        checkpoints,
        onStep: (done, total, entry) => {
          if (entry.status === 'fail') {
            failed++;
            log(`${lane.label}: step ${entry.from} -> ${entry.to} FAILED at ${entry.stage}: ${entry.error}`);
          }
          if (done % 10 === 0 || done === total)
            log(`${lane.label}: ${done}/${total} steps, ${failed} failed`);
        },
      });
      return {
        key: lane.key,
        label: lane.label,
        server: lane.server,
        pgDumpCompared: lane.canDump,
        full,
        ...chain,
        ms: Date.now() - laneStarted,
      };
    }),
  );
  return {
    history: { name: historyName, migrations: migrations.length, checkpoints: checkpoints.length },
    replay: { server: replayServer, ms: replayMs },
    lanes: results,
    ok: isOk(results),
    elapsedMs: Date.now() - started,
  };
}

module.exports = { checkHistory };
