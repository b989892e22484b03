import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evictOldest, touchFile } from './evict-files';

describe('evictOldest', () => {
  let dir: string;
  const now = Date.now();
  /** A file last used `ageS` seconds ago. */
  const file = (name: string, bytes: number, ageS: number) => {
    writeFileSync(join(dir, name), 'x'.repeat(bytes));
    const at = new Date(now - ageS * 1000);
    utimesSync(join(dir, name), at, at);
  };
  const budget = { match: (n: string) => n.endsWith('.json'), maxEntries: 3, maxBytes: 1000 };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pg-schema-evict-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the entries used most recently within the count and the size', () => {
    for (const [i, age] of [10, 20, 30, 40].entries()) file(`${i}.json`, 100, age);
    file('other.txt', 5000, 100);
    evictOldest(dir, budget, now);
    expect(readdirSync(dir).sort()).toEqual(['0.json', '1.json', '2.json', 'other.txt']);
    file('big.json', 950, 5);
    evictOldest(dir, budget, now);
    expect(readdirSync(dir).sort()).toEqual(['big.json', 'other.txt']);
  });

  it('keeps the newest entry whatever its size, and an entry a hit touched', () => {
    file('huge.json', 5000, 1);
    file('old.json', 10, 50);
    file('older.json', 10, 60);
    touchFile(join(dir, 'older.json'));
    evictOldest(dir, { ...budget, maxBytes: 10 }, Date.now());
    expect(readdirSync(dir)).toEqual(['older.json']);
    evictOldest(dir, { ...budget, maxBytes: 10 }, Date.now());
    expect(existsSync(join(dir, 'older.json'))).toBe(true);
  });

  it('removes temp files of writers that died an hour ago, not of running ones', () => {
    file('.a.1234.tmp', 10, 7200);
    file('.b.5678.tmp', 10, 10);
    evictOldest(dir, budget, now);
    expect(readdirSync(dir)).toEqual(['.b.5678.tmp']);
  });

  it('does nothing for a folder that does not exist', () => {
    expect(() => evictOldest(join(dir, 'none'), budget, now)).not.toThrow();
  });
});
