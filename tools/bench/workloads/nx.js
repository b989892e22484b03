'use strict';
/**
 * Workload 4: Nx. Project graph computation (`nx show projects`, daemon off) for 14 and 200
 * services, cold (no .nx folder) and warm; `nx run-many -t migrate-verify` for 14 services with every
 * task a cache hit and with one miss (a comment added to one service's models: a new input hash,
 * the same schema). MIGRATE_SHADOW_URL points at the bench server so verify runs are not dominated
 * by starting embedded Postgres.
 */
const { appendFileSync, readFileSync, readdirSync, rmSync, unlinkSync } = require('node:fs');
const path = require('node:path');
const { createNxWorkspace } = require('../lib/nx-workspace.js');
const { timeCommand } = require('../lib/spawn.js');

/** `bash -c 'time ...'`: wall and CPU (user + sys of the whole process tree) in ms. */
async function timedNx(root, args, env) {
  const command = `TIMEFORMAT='%R %U %S'; time node node_modules/nx/dist/bin/nx.js ${args} > nx-output.txt 2>&1`;
  const { output } = await timeCommand('bash', ['-c', command], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...env },
  });
  const [real, user, sys] = output.trim().split('\n').pop().split(' ').map(Number);
  return { ms: real * 1000, cpuMs: (user + sys) * 1000 };
}

/** Runs `measure` up to `runs` times, fewer when the budget says the next one would not fit. */
async function repeat(runs, budget, measure) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    out.push(await measure(i));
    if (budget && i + 1 < runs && !budget.allows(out.at(-1).ms)) break;
  }
  return out;
}

async function graphTimes(root, expectedProjects, runs, budget) {
  const count = async () => {
    const { output } = await timeCommand('node', ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    return output.split('\n').filter((l) => l.trim()).length;
  };
  const cold = await repeat(runs, budget, () => {
    rmSync(path.join(root, '.nx'), { recursive: true, force: true });
    return timedNx(root, 'show projects');
  });
  const projects = await count();
  if (projects !== expectedProjects) {
    throw new Error(`nx show projects listed ${projects} projects, expected ${expectedProjects}`);
  }
  const warm = await repeat(runs, budget, () => timedNx(root, 'show projects'));
  return { cold, warm, projects };
}

/** Counts "N out of M tasks" read from the cache in run-many's closing lines. */
function cacheHits(root) {
  const text = readFileSync(path.join(root, 'nx-output.txt'), 'utf8');
  const match =
    /Nx read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
      text,
    );
  return match ? Number(match[1]) : 0;
}

async function verifyTimes(root, names, runs, shadowUrl, log, budget) {
  const env = { MIGRATE_SHADOW_URL: shadowUrl };
  const verify = () => timedNx(root, 'run-many -t migrate-verify --outputStyle=static', env);
  const firstRun = await verify(); // fills the cache: every task a miss
  const hits = { allHits: [], oneMiss: [] };
  const allHits = await repeat(runs, budget, async () => {
    const time = await verify();
    hits.allHits.push(cacheHits(root));
    return time;
  });
  const modelsDir = path.join(root, 'services', names[0], 'models');
  const modelFile = path.join(
    modelsDir,
    readdirSync(modelsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()[0],
  );
  const oneMiss = await repeat(runs, budget, async (i) => {
    appendFileSync(modelFile, `\n-- bench: touched ${i + 1} (a new input hash, the same schema)\n`);
    const time = await verify();
    hits.oneMiss.push(cacheHits(root));
    return time;
  });
  log(
    `  run-many migrate-verify: cache hits per run ${hits.allHits.join(',')} / one miss ${hits.oneMiss.join(',')}`,
  );
  return { firstRun, allHits, oneMiss, hits, tasks: names.length, touched: names[0] };
}

/** Graphs first (cheap), then the verify runs on the 14-service workspace. */
async function measureNx(serviceCounts, { server, runs, log, budget, withVerify = true }) {
  const out = { graph: {}, verify: undefined };
  const workspaces = [];
  try {
    for (const count of serviceCounts) {
      const ws = createNxWorkspace(count);
      workspaces.push(ws);
      out.graph[count] = await graphTimes(ws.root, count, runs, budget);
      log(
        `  nx graph ${count} services: ${out.graph[count].cold.length} cold, ${out.graph[count].warm.length} warm runs`,
      );
    }
    const ws14 = workspaces.find((ws) => ws.names.length === 14);
    if (ws14 && withVerify)
      out.verify = await verifyTimes(ws14.root, ws14.names, runs, server.url, log, budget);
  } finally {
    for (const ws of workspaces) {
      // Unlink the node_modules link first: the repo's node_modules must never be walked.
      unlinkSync(path.join(ws.root, 'node_modules'));
      rmSync(ws.root, { recursive: true, force: true });
    }
  }
  return out;
}

module.exports = { measureNx };
