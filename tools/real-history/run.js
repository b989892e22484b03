#!/usr/bin/env node
'use strict';
/**
 * `npm run real-history -- <history-dir>`: replays a real application's migration history and
 * checks the schema engine against pg_dump of every checkpoint, on the shadow server (default the
 * local PG15) and the embedded PG18. See docs/real-history.md.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadSqlParser } = require('@bakery-ia/init-manager');
const { runCleanups, startEmbeddedPostgres } = require('@bakery-ia/pg-schema');
const { parseOptions, UsageError, USAGE } = require('./lib/options.js');
const { readHistory, checkpointIndexes, HistoryError } = require('./lib/history.js');
const postgres = require('./lib/postgres.js');
const { ReplayError } = require('./lib/replay.js');
const { checkHistory } = require('./lib/check-history.js');
const { formatSummary } = require('./lib/report.js');

const log = (line) => process.stdout.write(`${line}\n`);

class SetupError extends Error {}

function binaryMajor(bin) {
  try {
    const text = execFileSync(bin, ['--version'], { encoding: 'utf8' });
    return Number(/(\d+)(?:\.\d+)?/.exec(text)[1]);
  } catch {
    throw new SetupError(
      `${bin} is not installed or does not run (it comes with the PostgreSQL client packages; --psql / --pg-dump name another binary)`,
    );
  }
}

async function main(argv) {
  const started = Date.now();
  const options = parseOptions(argv);
  if (options.help) {
    log(USAGE);
    return 0;
  }
  const pgDumpMajor = binaryMajor(options.pgDump);
  binaryMajor(options.psql);
  const shadow = await postgres.serverVersion(options.shadowUrl).catch((error) => {
    throw new SetupError(
      `the server ${postgres.describeUrl(options.shadowUrl)} does not answer (${error.message}); give --shadow-url or REAL_HISTORY_SHADOW_URL`,
    );
  });
  if (shadow.major > pgDumpMajor) {
    throw new SetupError(
      `${options.pgDump} ${pgDumpMajor} cannot dump the PostgreSQL ${shadow.text} server at ${postgres.describeUrl(options.shadowUrl)}: the replay needs a server of version ${pgDumpMajor} or older (--shadow-url), or a newer pg_dump (--pg-dump)`,
    );
  }
  const migrations = readHistory(options.historyDir, { to: options.to });
  if (options.from > migrations.length)
    throw new UsageError(`--from ${options.from}: the history has ${migrations.length} migrations`);
  const indexes = checkpointIndexes(migrations.length, { every: options.every, from: options.from });
  await loadSqlParser();

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-history-'));
  const stops = [];
  const cleanup = async () => {
    await postgres.dropCreated();
    for (const stop of stops) await stop().catch(() => undefined);
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  };
  // The engine's own handler (installed at its first shadow database) also exits once its
  // cleanups are done: ours drops the scratch databases synchronously first.
  const onSignal = (signal) => {
    process.stderr.write(`\nreal-history: ${signal}, dropping scratch databases...\n`);
    postgres.dropCreatedSync(options.psql);
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
    void Promise.allSettled([runCleanups(), ...stops.map((stop) => stop())]).finally(() =>
      process.exit(signal === 'SIGINT' ? 130 : 143),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const stale = await postgres.dropStale(options.shadowUrl);
    if (stale.length > 0) log(`dropped ${stale.length} scratch databases left by earlier runs`);
    log(
      `real-history: ${migrations.length} migrations in ${options.historyDir}, ${indexes.length} checkpoints; work folder ${workDir}`,
    );

    const embedded = options.servers.includes('embedded') ? startEmbeddedPostgres() : undefined;
    embedded?.catch(() => undefined);
    const lanes = (async () => {
      const out = [];
      if (options.servers.includes('shadow')) {
        const server = `PostgreSQL ${shadow.text} at ${postgres.describeUrl(options.shadowUrl)}`;
        out.push({
          key: 'shadow',
          url: options.shadowUrl,
          label: `PG${shadow.major}`,
          server,
          canDump: true,
          ignoreColumnOrder: options.ignoreColumnOrder,
        });
      }
      if (embedded) {
        const server = await embedded.catch((error) => {
          throw new SetupError(`the embedded Postgres did not start: ${error.message}`);
        });
        stops.push(() => server.stop());
        const version = await postgres.serverVersion(server.url);
        const label = out.some((lane) => lane.label === `PG${version.major}`)
          ? `PG${version.major}e`
          : `PG${version.major}`;
        out.push({
          key: 'embedded',
          url: server.url,
          label,
          server: `embedded PostgreSQL ${version.text}`,
          canDump: version.major <= pgDumpMajor,
          ignoreColumnOrder: options.ignoreColumnOrder,
        });
      }
      return out;
    })();
    lanes.catch(() => undefined);

    const result = await checkHistory({
      historyName: path.basename(options.historyDir),
      migrations,
      checkpoints: indexes,
      replayUrl: options.shadowUrl,
      replayServer: `PostgreSQL ${shadow.text}`,
      lanes,
      workDir,
      psql: options.psql,
      pgDumpBin: options.pgDump,
      log,
    });
    const report = {
      tool: 'real-history',
      startedAt: new Date(started).toISOString(),
      ...result,
      history: {
        dir: options.historyDir,
        ...result.history,
        every: options.every,
        from: options.from,
        to: options.to,
      },
      ignoreColumnOrder: options.ignoreColumnOrder,
      elapsedMs: Date.now() - started,
      reportFile: options.reportFile,
      workDir: options.keep ? workDir : undefined,
      machine: { cpus: os.cpus().length, loadavg: os.loadavg() },
    };
    fs.mkdirSync(path.dirname(options.reportFile), { recursive: true });
    fs.writeFileSync(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    log('');
    log(formatSummary(report));
    if (options.keep) log(`work folder kept: ${workDir}`);
    return report.ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`real-history: ${error.message}\nRun with --help for the options.\n`);
    } else if (error instanceof HistoryError || error instanceof ReplayError || error instanceof SetupError) {
      process.stderr.write(`real-history: ${error.message}\n`);
    } else {
      process.stderr.write(`real-history failed: ${error && error.stack ? error.stack : error}\n`);
    }
    process.exit(2);
  });
