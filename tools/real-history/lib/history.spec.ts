import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Migration {
  index: number;
  file: string;
  transaction: boolean;
}
const history = require('./history.js') as {
  readHistory(dir: string, options?: { to?: number }): Migration[];
  parseManifest(text: string): Array<{ file: string; transaction: boolean }>;
  needsNoTransaction(sql: string): boolean;
  checkpointIndexes(count: number, options?: { every?: number; from?: number }): number[];
};

describe('real-history: reading a history', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'real-history-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('orders the .sql files naturally and ignores other files', () => {
    for (const name of ['10_c.sql', '2_b.sql', '001_a.sql', 'README.txt'])
      writeFileSync(join(dir, name), 'SELECT 1;');
    expect(history.readHistory(dir).map((m) => [m.index, m.file])).toEqual([
      [1, '001_a.sql'],
      [2, '2_b.sql'],
      [3, '10_c.sql'],
    ]);
    expect(history.readHistory(dir, { to: 2 })).toHaveLength(2);
    expect(() => history.readHistory(dir, { to: 4 })).toThrow(/the history has 3 migrations/);
  });

  it('follows manifest.txt when there is one, with its no-transaction flag', () => {
    writeFileSync(join(dir, 'b.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'manifest.txt'), '# order\nb.sql\na.sql no-transaction\n');
    expect(history.readHistory(dir).map((m) => [m.file, m.transaction])).toEqual([
      ['b.sql', true],
      ['a.sql', false],
    ]);
    writeFileSync(join(dir, 'manifest.txt'), 'b.sql\nmissing.sql\n');
    expect(() => history.readHistory(dir)).toThrow(/names files that do not exist: missing.sql/);
    expect(() => history.parseManifest('a.sql fast\n')).toThrow(/manifest.txt:1: unknown flag "fast"/);
  });

  it('refuses a folder without SQL', () => {
    expect(() => history.readHistory(dir)).toThrow(/holds no .sql files/);
    expect(() => history.readHistory(join(dir, 'nope'))).toThrow(/is not a folder/);
  });

  it('runs a file outside a transaction when Postgres requires it or the file says so', () => {
    expect(history.needsNoTransaction('CREATE INDEX CONCURRENTLY i ON t (c);')).toBe(true);
    expect(history.needsNoTransaction('create unique index concurrently i on t (c);')).toBe(true);
    expect(history.needsNoTransaction('VACUUM ANALYZE t;')).toBe(true);
    expect(history.needsNoTransaction('-- real-history: no-transaction\nALTER TYPE e ADD VALUE $$x$$;')).toBe(
      true,
    );
    expect(
      history.needsNoTransaction('-- CREATE INDEX CONCURRENTLY is for later\nCREATE INDEX i ON t (c);'),
    ).toBe(false);
    expect(history.needsNoTransaction('ALTER TABLE t ADD COLUMN c int;')).toBe(false);
  });

  it('picks checkpoints every n migrations, always with the last', () => {
    expect(history.checkpointIndexes(5)).toEqual([1, 2, 3, 4, 5]);
    expect(history.checkpointIndexes(10, { every: 4 })).toEqual([1, 5, 9, 10]);
    expect(history.checkpointIndexes(10, { every: 3, from: 4 })).toEqual([4, 7, 10]);
    expect(history.checkpointIndexes(1, { every: 10 })).toEqual([1]);
  });
});
