import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileBudget } from './evict-files';
import { writeCacheEntry } from './write-cache-entry';

describe('writeCacheEntry', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'write-cache-entry-'))));
  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });
  const budget: FileBudget = { match: (name) => name.endsWith('.json'), maxEntries: 2, maxBytes: 1024 };
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('makes the folder (700) and a whole entry (600), with no temp file left', () => {
    const root = join(dir, 'cache', 'parse');
    expect(writeCacheEntry(root, 'a', '{"x":1}', budget)).toBe(true);
    expect(readdirSync(root)).toEqual(['a.json']);
    expect(readFileSync(join(root, 'a.json'), 'utf8')).toBe('{"x":1}');
    expect(mode(root)).toBe(0o700);
    expect(mode(join(root, 'a.json'))).toBe(0o600);
  });

  it('replaces an entry of the same name', () => {
    writeCacheEntry(dir, 'a', 'old', budget);
    writeCacheEntry(dir, 'a', 'new', budget);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new');
  });

  it('keeps the folder within the budget', () => {
    for (const name of ['a', 'b', 'c']) writeCacheEntry(dir, name, '{}', budget);
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  it('writes nothing, leaves no temp file and does not throw when the rename fails', () => {
    // A folder where the entry should be: the rename fails after the temp file is written.
    mkdirSync(join(dir, 'a.json'));
    expect(writeCacheEntry(dir, 'a', '{}', budget)).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(statSync(join(dir, 'a.json')).isDirectory()).toBe(true);
  });

  const asUser = process.getuid?.() === 0 ? it.skip : it;
  asUser('writes nothing and does not throw when the folder cannot be written', () => {
    chmodSync(dir, 0o500);
    expect(writeCacheEntry(dir, 'a', '{}', budget)).toBe(false);
    expect(writeCacheEntry(join(dir, 'sub'), 'a', '{}', budget)).toBe(false);
    chmodSync(dir, 0o700);
    expect(readdirSync(dir)).toEqual([]);
  });
});
