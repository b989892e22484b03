import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * Which cache folders (`<cache root>/parse/`, `<cache root>/records/`) and entries the engine
 * believes. A cached record stands for work not done again: verify reports a replay it read as
 * passed, generate plans from recorded catalogs. So a folder or file that another local user could
 * have written (PG_SCHEMA_CACHE_DIR on a shared /tmp folder, a folder made group-writable) is
 * never read nor written: it is a miss, the work is done again, and the user is told once per
 * folder and process (stderr) why and what to do. Trusted means:
 *   - owned by the current uid: root trusts its own caches, never another user's (even though it
 *     could write there, what it would read may have been planted by that user);
 *   - not writable by group or others (mode & 022 is 0);
 *   - the real thing, by lstat / O_NOFOLLOW: a folder that is a directory, an entry that is a
 *     regular file with one link (no symbolic link, hard link or FIFO put in its place).
 * Platforms without process.getuid (Windows) trust every folder, as before these checks. Only the
 * folder that holds the entries is checked, not the folders above it: entries are only ever written
 * into a trusted folder, and another user cannot make a folder or file owned by us.
 */

/** What is wrong with `stat` (an lstat or fstat) for a cache folder or entry of `uid`; undefined when nothing. */
export function distrust(stat: Stats, kind: 'folder' | 'entry', uid: number): string | undefined {
  if (stat.isSymbolicLink()) return 'it is a symbolic link';
  if (kind === 'folder' && !stat.isDirectory()) return 'it is not a folder';
  if (kind === 'entry' && !stat.isFile()) return 'it is not a regular file';
  if (stat.uid !== uid) return `it is owned by uid ${stat.uid}, not by this user (uid ${uid})`;
  if ((stat.mode & 0o022) !== 0) {
    return `its mode is ${(stat.mode & 0o777).toString(8)}, so other users may change it`;
  }
  if (kind === 'entry' && stat.nlink !== 1) return `it has ${stat.nlink} hard links`;
  return undefined;
}

/**
 * Whether the cache folder `dir` may be read and written. A missing folder is not (and says
 * nothing: it is only empty); an untrusted one tells the user once. The check runs on every call
 * (one lstat): a folder may change while a run goes on.
 */
export function trustedCacheFolder(dir: string): boolean {
  const uid = process.getuid?.();
  let stat: Stats;
  try {
    stat = lstatSync(dir);
  } catch {
    return false;
  }
  if (uid === undefined) return true;
  const problem = distrust(stat, 'folder', uid);
  if (problem) warnOnce(dir, folderWarning(dir, problem));
  return problem === undefined;
}

/**
 * The text of the entry `<dir>/<name>`, or undefined when there is none or it may not be trusted
 * (the folder, or the file: opened without following a link, then checked by fstat, so what is
 * checked is what is read). Never throws.
 */
export function readTrustedEntry(dir: string, name: string): string | undefined {
  if (!trustedCacheFolder(dir)) return undefined;
  const path = join(dir, name);
  const uid = process.getuid?.();
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO in place of the entry is refused below instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // ELOOP (EMLINK on some BSDs): a symbolic link, which O_NOFOLLOW refuses to open.
    const code = (error as NodeJS.ErrnoException).code;
    if (uid !== undefined && (code === 'ELOOP' || code === 'EMLINK')) {
      warnOnce(dir, entryWarning(dir, path, 'it is a symbolic link'));
    }
    return undefined;
  }
  try {
    if (uid !== undefined) {
      const problem = distrust(fstatSync(fd), 'entry', uid);
      if (problem) {
        warnOnce(dir, entryWarning(dir, path, problem));
        return undefined;
      }
    }
    return readFileSync(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function folderWarning(dir: string, problem: string): string {
  return `pg-schema: warning: not using the cache folder ${dir}: ${problem}. Nothing is read from it or written to it (the work is done again). ${advice(dir)}`;
}

function entryWarning(dir: string, path: string, problem: string): string {
  return `pg-schema: warning: not using the cache entry ${path}: ${problem}; pg-schema never writes one like it, so others may have put entries in ${dir}. ${advice(dir)}`;
}

/** Not `chmod 700`: that would keep whatever others put there meanwhile. */
function advice(dir: string): string {
  return `Remove it (rm -rf ${dir}; the next run makes it again, mode 700), or set PG_SCHEMA_CACHE_DIR to a folder only you can write.`;
}

const warned = new Set<string>();

/** One line per folder and process, on stderr (as the engine's other notices). */
function warnOnce(dir: string, line: string): void {
  if (warned.has(dir)) return;
  warned.add(dir);
  process.stderr.write(`${line}\n`);
}
