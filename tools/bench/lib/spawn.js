'use strict';
/** Runs one measured task in a fresh Node process (tools/bench/child.js) and returns its result. */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const CHILD = path.join(__dirname, '..', 'child.js');
const MARKER = 'BENCH_RESULT ';

/**
 * drizzle-kit requires its peer drizzle-orm without declaring it; with npm workspaces drizzle-kit is
 * hoisted to the root while drizzle-orm may stay in tools/bench/node_modules. NODE_PATH lets the
 * hoisted drizzle-kit find it either way.
 */
const NODE_PATH = [path.join(__dirname, '..', 'node_modules'), process.env.NODE_PATH]
  .filter(Boolean)
  .join(path.delimiter);

function runTask(task, args, { timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, task, JSON.stringify(args)], {
      env: { ...process.env, NODE_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
      if (code === 0 && line) return resolve(JSON.parse(line.slice(MARKER.length)));
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`bench task ${task} failed (${why}):\n${stderr.trim().slice(-2000)}`));
    });
  });
}

/** Runs a command and returns wall milliseconds; rejects on a non-zero exit. */
function timeCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve({ ms: elapsed, output });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-3000)}`));
    });
  });
}

module.exports = { runTask, timeCommand, MARKER };
