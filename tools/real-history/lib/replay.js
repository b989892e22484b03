'use strict';
/**
 * Step 1: the history replayed with psql on a scratch database, one file at a time (one
 * transaction per file unless it cannot run in one), with a pg_dump at each checkpoint. The dumps
 * are the models of every later check, on every server.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { createDatabase } = require('./postgres.js');
const { pgDump } = require('./dump.js');

class ReplayError extends Error {}

function runPsql(psql, url, migration) {
  const args = [
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    ...(migration.transaction ? ['--single-transaction'] : []),
    '-d',
    url,
    '-f',
    migration.path,
  ];
  return new Promise((resolve, reject) => {
    execFile(psql, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) {
        const lines = (stderr || error.message)
          .split('\n')
          .filter((line) => line.trim() && !/^psql:.*NOTICE:/.test(line));
        reject(
          new ReplayError(
            `migration ${migration.index} (${migration.file}) does not apply: ${lines.slice(0, 4).join(' | ')}`,
          ),
        );
      } else resolve();
    });
  });
}

/**
 * Replays `migrations` on `serverUrl`; writes `<workDir>/dumps/<index>.sql` at each checkpoint.
 * Returns [{ index, file, dumpPath }] in checkpoint order.
 */
async function replayHistory({ serverUrl, migrations, checkpoints, workDir, psql, pgDumpBin, log }) {
  const dumpsDir = path.join(workDir, 'dumps');
  fs.mkdirSync(dumpsDir, { recursive: true });
  const wanted = new Set(checkpoints);
  const db = await createDatabase(serverUrl, 'replay');
  const out = [];
  try {
    for (const migration of migrations) {
      await runPsql(psql, db.url, migration);
      if (!wanted.has(migration.index)) continue;
      const dumpPath = path.join(dumpsDir, `${String(migration.index).padStart(4, '0')}.sql`);
      fs.writeFileSync(dumpPath, await pgDump(pgDumpBin, db.url));
      out.push({ index: migration.index, file: migration.file, dumpPath });
      if (out.length % 25 === 0)
        log(`  replay: ${migration.index}/${migrations.length} migrations, ${out.length} dumps`);
    }
  } finally {
    await db.drop().catch(() => undefined);
  }
  return out;
}

module.exports = { replayHistory, ReplayError };
