'use strict';
/** What the report says about the machine and the versions measured. */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** A package's version, also for packages whose exports map hides package.json. */
function versionOf(pkg) {
  let dir;
  try {
    dir = path.dirname(require.resolve(pkg));
  } catch {
    try {
      dir = path.dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      return 'not installed';
    }
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === pkg) return json.version;
    }
  }
  return 'unknown';
}

function psqlVersion() {
  try {
    return execFileSync(process.env.BENCH_PSQL || 'psql', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'psql not found';
  }
}

/** The commit measured, with `-dirty` when packages had uncommitted edits. */
function commitOf() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=10'], {
      cwd: path.join(__dirname, '..', '..', '..'),
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function machineFacts(server) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model : 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: commitOf(),
    postgres: server.version,
    postgresSource: server.source,
    postgresSettings: server.facts,
    psql: psqlVersion(),
    loadBefore: os.loadavg(),
    versions: {
      '@pgkit/migra': versionOf('@pgkit/migra'),
      'drizzle-kit': versionOf('drizzle-kit'),
      'drizzle-orm': versionOf('drizzle-orm'),
      nx: versionOf('nx'),
      'libpg-query': versionOf('libpg-query'),
    },
  };
}

module.exports = { machineFacts };
