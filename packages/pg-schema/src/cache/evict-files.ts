import { lstatSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { trustedCacheFolder } from './trusted-folder.js';
import { join } from 'node:path';

export interface FileBudget {
  /** Which entries of the folder count (a folder may hold other kinds). */
  match: (name: string) => boolean;
  maxEntries: number;
  maxBytes: number;
}

/** A temp file this old was left by a writer that died before its rename. */
const STALE_TEMP_MS = 3_600_000;

/**
 * Keeps a cache folder within its budget: the entries used least recently (mtime, which a hit
 * refreshes with touchFile) go first; temp files of writers that died are removed. Best effort
 * (entries another process removes meanwhile are skipped). Run after a write, never on a hit.
 * Removes nothing in a folder that is not trusted (trusted-folder.ts): not ours to tidy.
 */
export function evictOldest(dir: string, budget: FileBudget, now = Date.now()): void {
  if (!trustedCacheFolder(dir)) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const entries: Array<{ path: string; size: number; used: number }> = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        if (now - stat.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      } else if (budget.match(name)) entries.push({ path, size: stat.size, used: stat.mtimeMs });
    } catch {
      // gone meanwhile
    }
  }
  entries.sort((a, b) => b.used - a.used);
  let bytes = 0;
  entries.forEach((entry, i) => {
    bytes += entry.size;
    // The newest stays whatever its size: it was just written or read.
    if (i > 0 && (i >= budget.maxEntries || bytes > budget.maxBytes)) rmSync(entry.path, { force: true });
  });
}

/** Marks an entry as just used (its mtime), so eviction keeps it; best effort. */
export function touchFile(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // read-only or gone: it may be evicted earlier, and is rebuilt then
  }
}
