import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMigrationsSum, SUM_FILE, writeMigrationsSum } from './migrations-sum';
import { migration, migrationsFolder, removeFolder } from './test-support/migrations-fixture';

describe('migrations.sum', () => {
  let dir: string;
  beforeEach(() => {
    dir = migrationsFolder({
      '0001_initial.sql': migration('CREATE TABLE a (id int);', 'DROP TABLE a;'),
      '0002_b.sql': migration('CREATE TABLE b (id int);', 'DROP TABLE b;'),
    });
  });
  afterEach(() => removeFolder(dir));

  it('writes a total line and one line per file, and then matches', () => {
    const lines = readFileSync(join(dir, SUM_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^h1:/);
    expect(lines[1]).toMatch(/^0001_initial\.sql h1:/);
    expect(checkMigrationsSum(dir)).toEqual({ ok: true, problems: [] });
  });

  it('is byte-identical when written twice', () => {
    const first = readFileSync(join(dir, SUM_FILE), 'utf8');
    expect(writeMigrationsSum(dir)).toBe(first);
  });

  it('detects an edited migration', () => {
    writeFileSync(join(dir, '0001_initial.sql'), migration('CREATE TABLE a (id bigint);', 'DROP TABLE a;'));
    expect(checkMigrationsSum(dir).problems).toEqual([
      expect.objectContaining({ kind: 'file-changed', file: '0001_initial.sql' }),
    ]);
  });

  it('detects a deleted and an unrecorded migration', () => {
    rmSync(join(dir, '0002_b.sql'));
    writeFileSync(join(dir, '0003_c.sql'), migration('SELECT 1;'));
    expect(checkMigrationsSum(dir).problems.map((p) => [p.kind, p.file])).toEqual([
      ['file-missing', '0002_b.sql'],
      ['file-not-in-sum', '0003_c.sql'],
    ]);
  });

  it('detects a renumbered migration', () => {
    renameSync(join(dir, '0002_b.sql'), join(dir, '0000_b.sql'));
    const kinds = checkMigrationsSum(dir).problems.map((p) => p.kind);
    expect(kinds).toEqual(['file-missing', 'file-not-in-sum']);
  });

  it('detects reordered lines and a hand-edited sum', () => {
    const [total, first, second] = readFileSync(join(dir, SUM_FILE), 'utf8').trim().split('\n');
    writeFileSync(join(dir, SUM_FILE), [total, second, first].join('\n') + '\n');
    expect(checkMigrationsSum(dir).problems.map((p) => p.kind)).toEqual(['total-mismatch', 'order-changed']);
  });

  it('reports a missing sum file when migrations exist, with the fixing command', () => {
    rmSync(join(dir, SUM_FILE));
    const { ok, problems } = checkMigrationsSum(dir);
    expect(ok).toBe(false);
    expect(problems[0].message).toContain('npx pg-schema hash --migrations');
  });
});
