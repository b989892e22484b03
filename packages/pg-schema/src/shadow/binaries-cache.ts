import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { registerCleanup } from './cleanup.js';
import type { UnixUser } from './folder-access.js';

/** What the server needs of the platform package: the binaries and the libraries and data they load by relative path. */
const PARTS = ['bin', 'lib', 'share'];
const MANIFEST = 'pg-schema-binaries.json';

interface Manifest {
  fingerprint: string;
  contentHash: string;
  source: string;
}

/**
 * A copy of the embedded Postgres binaries (bin, lib, share of the platform package's `native`
 * folder) in `base`, for a server user that cannot enter the folders above the installed ones
 * (root with a checkout under /root or `mktemp -d`). The copy is named by a fingerprint of the
 * source (paths, sizes, modes, link targets), verified by a full content hash when it is made,
 * owned by `owner` with mode 700 (nobody else may enter or change it), and reused by later runs
 * while the fingerprint matches. It is built in a private staging folder and renamed into place,
 * so a concurrent run sees either no copy or a complete one; when two build at once, the first
 * rename wins and the other discards its staging folder.
 */
export function privateBinariesCopy(options: { source: string; owner: UnixUser; base: string }): string {
  const { source, owner, base } = options;
  const fingerprint = treeFingerprint(source);
  const target = join(base, `pg-schema-binaries-${owner.name}-${fingerprint.slice(0, 16)}`);
  if (existsSync(target)) return validCopy(target, owner, fingerprint);
  const staging = buildCopy(source, target, owner, fingerprint);
  return publishCopy(staging, target, owner, fingerprint);
}

/** Copies the binaries into a new staging folder next to `target` and checks the copy. */
export function buildCopy(source: string, target: string, owner: UnixUser, fingerprint: string): string {
  const staging = mkdtempSync(`${target}.tmp-`);
  const cleanup = registerCleanup(async () => rmSync(staging, { recursive: true, force: true }));
  try {
    for (const part of PARTS) {
      cpSync(join(source, part), join(staging, part), { recursive: true, verbatimSymlinks: true });
    }
    const contentHash = treeContentHash(source);
    if (treeContentHash(staging) !== contentHash) {
      throw new Error(
        `the copy of ${source} in ${staging} differs from the original (changed while copying?)`,
      );
    }
    const manifest: Manifest = { fingerprint, contentHash, source };
    writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o644 });
    chownSync(staging, owner.uid, owner.gid);
    chmodSync(staging, 0o700);
    cleanup.forget();
    return staging;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    cleanup.forget();
    throw error;
  }
}

/** Renames a finished staging folder into place, or keeps the copy another run put there first. */
export function publishCopy(staging: string, target: string, owner: UnixUser, fingerprint: string): string {
  try {
    renameSync(staging, target);
    return target;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
    return validCopy(target, owner, fingerprint);
  }
}

/** `target` when it is a complete copy owned by `owner`, mode 700, for these binaries. */
function validCopy(target: string, owner: UnixUser, fingerprint: string): string {
  const stat = lstatSync(target);
  const problems: string[] = [];
  if (!stat.isDirectory()) problems.push('it is not a folder');
  if (stat.uid !== owner.uid)
    problems.push(`it is owned by uid ${stat.uid}, not ${owner.name} (${owner.uid})`);
  if ((stat.mode & 0o777) !== 0o700) problems.push(`its mode is ${(stat.mode & 0o777).toString(8)}, not 700`);
  if (problems.length === 0) {
    if (manifestFingerprint(join(target, MANIFEST)) !== fingerprint)
      problems.push(`its ${MANIFEST} does not match the installed binaries`);
  }
  if (problems.length === 0) return target;
  throw new Error(
    `the private copy of its binaries, ${target}, cannot be trusted: ${problems.join(', ')}. ` +
      `Remove it (rm -rf ${target}) and run again.`,
  );
}

function manifestFingerprint(path: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      'fingerprint' in parsed &&
      typeof parsed.fingerprint === 'string'
    )
      return parsed.fingerprint;
  } catch {
    // unreadable or not JSON: not a copy we made
  }
  return undefined;
}

/** Cheap identity of the tree (no file contents): what changes when the package is upgraded. */
export function treeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const entry of walk(root)) {
    const stat = lstatSync(entry);
    const link = stat.isSymbolicLink() ? readlinkSync(entry) : '';
    hash.update(`${relative(root, entry)}\0${stat.mode}\0${stat.size}\0${link}\n`);
  }
  return hash.digest('hex');
}

/** Full identity: every file's bytes, every link's target. */
export function treeContentHash(root: string): string {
  const hash = createHash('sha256');
  for (const entry of walk(root)) {
    const stat = lstatSync(entry);
    hash.update(`${relative(root, entry)}\0${stat.mode & 0o777}\0`);
    hash.update(stat.isSymbolicLink() ? readlinkSync(entry) : readFileSync(entry));
  }
  return hash.digest('hex');
}

/** Files and links of bin, lib and share, sorted. */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else out.push(path);
    }
  };
  for (const part of PARTS) if (existsSync(join(root, part))) visit(join(root, part));
  return out.sort();
}
