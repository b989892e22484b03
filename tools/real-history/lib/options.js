'use strict';
/**
 * Command-line options of `real-history`. Parsing is pure (argv and env in, options or a usage
 * error out) so it is tested without a database.
 */
const path = require('node:path');
const os = require('node:os');

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVER_KINDS = ['shadow', 'embedded'];

const USAGE = `Usage: node tools/real-history/run.js <history-dir> [options]
       npm run real-history -- <history-dir> [options]

Replays the migration history in <history-dir> (ordered plain-SQL files, or the files a
manifest.txt lists) on a scratch database, dumps the schema at checkpoints with pg_dump, and
checks the schema engine against the dumps: the full history from nothing to "no changes" and
verify, then every checkpoint step generated, applied up and down on each server.

Options:
  --shadow-url <url>   Postgres server for the replay, pg_dump and the "shadow" lane
                       (default $REAL_HISTORY_SHADOW_URL, else ${LOCAL_URL}).
                       pg_dump must be able to dump it (same major version or older).
  --servers <list>     lanes to run: shadow,embedded (default both; embedded = the embedded
                       Postgres 18 that pg-schema starts when no shadow URL is given)
  --every <n>          a checkpoint every n migrations (default 1), and always the last
  --from <n>           first checkpoint at migration n or later (default the first)
  --to <n>             treat the first n migrations as the whole history
  --report <file>      write the JSON report here (default a file in the temp folder)
  --ignore-column-order
                       a step that appends columns in another order than the models' is
                       noted, not failed (the catalogs compare columns by name)
  --keep               keep the work folder (dumps, generated migrations) and print its path
  --psql <bin>         psql binary (default psql); --pg-dump <bin> likewise (default pg_dump)
  -h, --help           this text

Exit: 0 when every check passed, 1 when one failed, 2 when the run could not start or the
history does not replay.`;

class UsageError extends Error {}

function positiveInteger(name, raw) {
  if (!/^\d+$/.test(raw ?? '') || Number(raw) < 1)
    throw new UsageError(`${name} needs a whole number of at least 1 (got "${raw ?? ''}")`);
  return Number(raw);
}

/** Parses argv (without node and the script); returns { help } or the options. */
function parseOptions(argv, env = process.env, now = new Date()) {
  const options = {
    historyDir: undefined,
    shadowUrl: env.REAL_HISTORY_SHADOW_URL || LOCAL_URL,
    servers: [...SERVER_KINDS],
    every: 1,
    from: 1,
    to: undefined,
    reportFile: undefined,
    keep: false,
    ignoreColumnOrder: false,
    psql: 'psql',
    pgDump: 'pg_dump',
  };
  const rest = [...argv];
  const value = (flag) => {
    if (rest.length === 0 || rest[0].startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return rest.shift();
  };
  while (rest.length > 0) {
    let arg = rest.shift();
    const eq = /^(--[a-z-]+)=(.*)$/.exec(arg);
    if (eq) {
      arg = eq[1];
      rest.unshift(eq[2]);
    }
    switch (arg) {
      case '-h':
      case '--help':
        return { help: true };
      case '--shadow-url':
        options.shadowUrl = value(arg);
        break;
      case '--servers': {
        const list = value(arg)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = list.filter((s) => !SERVER_KINDS.includes(s));
        if (unknown.length > 0 || list.length === 0)
          throw new UsageError(
            `--servers takes ${SERVER_KINDS.join(' and/or ')}, comma-separated (got "${list.join(',')}")`,
          );
        options.servers = SERVER_KINDS.filter((s) => list.includes(s));
        break;
      }
      case '--every':
        options.every = positiveInteger(arg, value(arg));
        break;
      case '--from':
        options.from = positiveInteger(arg, value(arg));
        break;
      case '--to':
        options.to = positiveInteger(arg, value(arg));
        break;
      case '--report':
        options.reportFile = path.resolve(value(arg));
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--ignore-column-order':
        options.ignoreColumnOrder = true;
        break;
      case '--psql':
        options.psql = value(arg);
        break;
      case '--pg-dump':
        options.pgDump = value(arg);
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (options.historyDir)
          throw new UsageError(`one history folder only (got "${options.historyDir}" and "${arg}")`);
        options.historyDir = path.resolve(arg);
    }
  }
  if (!options.historyDir) throw new UsageError('give the folder that holds the migration history');
  if (options.to !== undefined && options.from > options.to)
    throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  if (!options.reportFile) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    options.reportFile = path.join(
      os.tmpdir(),
      `real-history-${path.basename(options.historyDir)}-${stamp}.json`,
    );
  }
  return options;
}

module.exports = { parseOptions, UsageError, USAGE, LOCAL_URL };
