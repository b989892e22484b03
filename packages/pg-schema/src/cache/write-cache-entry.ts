import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evictOldest, type FileBudget } from './evict-files.js';
import { trustedCacheFolder } from './trusted-folder.js';

/**
 * Writes `<root>/<name>.json` so that a reader sees the whole entry or none: the folder is made
 * when missing (mode 700), the text goes to a temp file `.<name>.<random>.tmp` (mode 600, in the
 * folder, so the rename stays on one file system) and is renamed over the entry; then the folder
 * is kept within `budget` (evictOldest). Best effort, it never throws: a cache folder that cannot
 * be written only means the entry is built again next time. Nothing is written into a folder that
 * is not trusted (trusted-folder.ts: another user's, one others may write, a link; the user is told
 * once): a folder made here is ours, mode 700. On a failure no entry is written and
 * the temp file is removed (one left by a writer that died goes with a later eviction). Returns
 * whether the entry was written.
 */
export function writeCacheEntry(root: string, name: string, text: string, budget: FileBudget): boolean {
  const temp = join(root, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    if (!trustedCacheFolder(root)) return false;
    // wx: a new file, never one (or a link) already there under the random name.
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
  } catch {
    // No folder, or a full disk: nothing written, so nothing to evict either.
    removeTemp(temp);
    return false;
  }
  let written = true;
  try {
    renameSync(temp, join(root, `${name}.json`));
  } catch {
    written = false;
    removeTemp(temp);
  }
  try {
    evictOldest(root, budget);
  } catch {
    // kept within the budget by a later write
  }
  return written;
}

function removeTemp(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // left to eviction, which removes stale temp files
  }
}
