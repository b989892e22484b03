import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Bumped when a change alters what a cached database or catalog holds without changing the
 * engine's code (the key's own format, for example).
 */
export const CACHE_FORMAT = 1;

let memo: string | undefined;

/**
 * Identity of the engine that builds and reads cached databases: the versions of pg-schema and
 * init-manager (the applier that replays) and a hash of the content of both packages' code as it
 * runs (dist/*.js, or src/*.ts under the tests). The code hash, not a constant bumped by hand: a
 * forgotten bump would hand out a schema built by older code, while a hash costs one miss after
 * each rebuild of the engine. Computed once per process (about 30 ms).
 */
export function engineFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  hash.update(`format ${CACHE_FORMAT}\n`);
  const ownRoot = join(__dirname, '..');
  const initManagerRoot = dirname(require.resolve('@bakery-ia/init-manager'));
  for (const [name, root, packageJson] of [
    ['pg-schema', ownRoot, join(ownRoot, '..', 'package.json')],
    ['init-manager', initManagerRoot, join(initManagerRoot, '..', 'package.json')],
  ] as const) {
    hash.update(`${name} ${packageVersion(packageJson)}\n`);
    for (const file of codeFiles(root)) {
      hash.update(`${relative(root, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
  memo = hash.digest('hex');
  return memo;
}

function packageVersion(path: string): string {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** .js / .ts files of the code, tests and declarations left out, sorted. */
function codeFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(js|ts)$/.test(entry.name) && !/\.(spec|test)\.|\.d\.ts$/.test(entry.name)) out.push(path);
    }
  };
  visit(root);
  return out.sort();
}
