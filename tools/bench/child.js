'use strict';
/**
 * One measured task in its own process: `node child.js <task> '<json args>'`. Prints one line
 * `BENCH_RESULT {...}` with the task's result and the process's peak RSS (maxRssKb).
 */
const { runMain } = require('./lib/run-main.js');
const { MARKER } = require('./lib/spawn.js');

const TASKS = {
  ours: () => require('./tasks/ours.js'),
  migra: () => require('./tasks/migra.js'),
  drizzle: () => require('./tasks/drizzle.js'),
  floor: () => require('./tasks/floor.js'),
  introspect: () => require('./tasks/introspect.js'),
  history: () => require('./tasks/history.js'),
  parse: () => require('./tasks/parse.js'),
  'stall-writers': () => require('./tasks/stall-writers.js'),
};

async function main() {
  const [task, json] = process.argv.slice(2);
  if (!TASKS[task]) throw new Error(`unknown task ${task}; one of ${Object.keys(TASKS).join(', ')}`);
  const result = await TASKS[task]()(JSON.parse(json ?? '{}'));
  result.maxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`${MARKER}${JSON.stringify(result)}\n`);
}

runMain(main);
