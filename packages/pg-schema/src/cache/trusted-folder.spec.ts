import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evictOldest, type FileBudget } from './evict-files';
import { distrust, readTrustedEntry, trustedCacheFolder } from './trusted-folder';
import { writeCacheEntry } from './write-cache-entry';

describe('trusted cache folders', () => {
  /** Mode 700, ours: the folders under test are made inside it. */
  let dir: string;
  let root: string;
  let stderr: jest.SpyInstance;
  const budget: FileBudget = { match: (name) => name.endsWith('.json'), maxEntries: 1, maxBytes: 1024 };
  const warnings = () =>
    stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('pg-schema: warning'));
  const entry = (name: string, text: string, mode = 0o600) => writeFileSync(join(root, name), text, { mode });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-trusted-'));
    root = join(dir, 'records');
    mkdirSync(root, { mode: 0o700 });
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads and writes a folder of ours (mode 700) as before, silently', () => {
    expect(writeCacheEntry(root, 'a', '{"x":1}', budget)).toBe(true);
    expect(readTrustedEntry(root, 'a.json')).toBe('{"x":1}');
    expect(trustedCacheFolder(root)).toBe(true);
    expect(warnings()).toEqual([]);
  });

  it('a missing folder or entry is a plain miss: no warning', () => {
    expect(readTrustedEntry(join(dir, 'none'), 'a.json')).toBeUndefined();
    expect(readTrustedEntry(root, 'none.json')).toBeUndefined();
    expect(trustedCacheFolder(join(dir, 'none'))).toBe(false);
    expect(warnings()).toEqual([]);
  });

  for (const mode of [0o777, 0o770]) {
    it(`a folder of mode ${mode.toString(8)} is not read, written or evicted, and the user is told once`, () => {
      entry('a.json', '{"planted":true}');
      chmodSync(root, mode);
      expect(readTrustedEntry(root, 'a.json')).toBeUndefined();
      expect(writeCacheEntry(root, 'b', '{}', budget)).toBe(false);
      // Over budget (one entry), but not ours to tidy.
      entry('c.json', '{}');
      evictOldest(root, budget);
      expect(readdirSync(root).sort()).toEqual(['a.json', 'c.json']);
      expect(readTrustedEntry(root, 'a.json')).toBeUndefined();
      const lines = warnings();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`not using the cache folder ${root}: its mode is ${mode.toString(8)}`);
      expect(lines[0]).toContain(`rm -rf ${root}`);
      expect(lines[0]).toContain('PG_SCHEMA_CACHE_DIR');
      expect(lines[0].trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('a folder that others may only read (755) is trusted', () => {
    entry('a.json', '{}');
    chmodSync(root, 0o755);
    expect(readTrustedEntry(root, 'a.json')).toBe('{}');
    expect(writeCacheEntry(root, 'b', '{}', budget)).toBe(true);
  });

  it('a new folder is made mode 700 and used, inside a parent others may write', () => {
    // The parent is PG_SCHEMA_CACHE_DIR on a shared folder: what counts is the folder made in it.
    chmodSync(dir, 0o777);
    const made = join(dir, 'parse');
    expect(writeCacheEntry(made, 'a', '{}', budget)).toBe(true);
    expect(lstatSync(made).mode & 0o777).toBe(0o700);
    expect(readTrustedEntry(made, 'a.json')).toBe('{}');
    chmodSync(dir, 0o700);
  });

  it('ignores an entry others may write (666), and says so once', () => {
    entry('a.json', '{"planted":true}', 0o666);
    chmodSync(join(root, 'a.json'), 0o666);
    entry('b.json', '{}', 0o644);
    expect(readTrustedEntry(root, 'a.json')).toBeUndefined();
    expect(readTrustedEntry(root, 'a.json')).toBeUndefined();
    expect(readTrustedEntry(root, 'b.json')).toBe('{}');
    const lines = warnings();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`not using the cache entry ${join(root, 'a.json')}: its mode is 666`);
    expect(lines[0]).toContain(`rm -rf ${root}`);
  });

  it('ignores an entry that is a symbolic link, a hard link or a FIFO', () => {
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, '{"planted":true}', { mode: 0o600 });
    symlinkSync(elsewhere, join(root, 'link.json'));
    expect(readTrustedEntry(root, 'link.json')).toBeUndefined();
    expect(warnings()[0]).toContain('link.json: it is a symbolic link');
    linkSync(elsewhere, join(root, 'hard.json'));
    expect(readTrustedEntry(root, 'hard.json')).toBeUndefined();
    execFileSync('mkfifo', ['-m', '600', join(root, 'fifo.json')]);
    // Refused without waiting for a writer.
    expect(readTrustedEntry(root, 'fifo.json')).toBeUndefined();
    // A whole entry beside them still reads.
    entry('a.json', '{}');
    expect(readTrustedEntry(root, 'a.json')).toBe('{}');
  });

  it('does not use or write a folder that is a symbolic link to one of ours', () => {
    const real = join(dir, 'real');
    mkdirSync(real, { mode: 0o700 });
    writeFileSync(join(real, 'a.json'), '{}', { mode: 0o600 });
    const linked = join(dir, 'linked');
    symlinkSync(real, linked);
    expect(readTrustedEntry(linked, 'a.json')).toBeUndefined();
    expect(writeCacheEntry(linked, 'b', '{}', budget)).toBe(false);
    expect(readdirSync(real)).toEqual(['a.json']);
    expect(warnings()[0]).toContain(`not using the cache folder ${linked}: it is a symbolic link`);
  });

  it('names what is wrong: owner, mode, kind, links', () => {
    const uid = process.getuid!();
    writeFileSync(join(root, 'a.json'), '{}', { mode: 0o600 });
    const folder = lstatSync(root);
    const file = lstatSync(join(root, 'a.json'));
    expect(distrust(folder, 'folder', uid)).toBeUndefined();
    expect(distrust(file, 'entry', uid)).toBeUndefined();
    expect(distrust(folder, 'folder', uid + 1)).toBe(
      `it is owned by uid ${uid}, not by this user (uid ${uid + 1})`,
    );
    expect(distrust(folder, 'entry', uid)).toBe('it is not a regular file');
    expect(distrust(file, 'folder', uid)).toBe('it is not a folder');
  });

  // Another owner needs root to make; root must not trust another user's folder either.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('as root: does not read or write a folder or entry owned by another user (nobody, 65534)', () => {
    entry('a.json', '{}');
    chownSync(join(root, 'a.json'), 65534, 65534);
    expect(readTrustedEntry(root, 'a.json')).toBeUndefined();
    expect(warnings()[0]).toContain('it is owned by uid 65534, not by this user (uid 0)');
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    writeFileSync(join(theirs, 'a.json'), '{}', { mode: 0o600 });
    writeFileSync(join(theirs, 'b.json'), '{}', { mode: 0o600 });
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(join(theirs, 'b.json'), old, old);
    chownSync(theirs, 65534, 65534);
    expect(readTrustedEntry(theirs, 'a.json')).toBeUndefined();
    expect(writeCacheEntry(theirs, 'c', '{}', budget)).toBe(false);
    evictOldest(theirs, budget);
    expect(readdirSync(theirs).sort()).toEqual(['a.json', 'b.json']);
    expect(warnings()[1]).toContain(`not using the cache folder ${theirs}: it is owned by uid 65534`);
  });
});
