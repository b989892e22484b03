import { readMigrations, readModelFiles } from '@bakery-ia/init-manager';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCache } from './parse-cache';

describe('parse cache', () => {
  let dir: string;
  let root: string;
  const models = 'models';
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  const entries = () => readdirSync(root).filter((name) => name.endsWith('.json'));
  /** Rewrites every kept statement's text: a read that returns it came from the cache. */
  const tamper = () => {
    for (const name of entries()) {
      const splits = JSON.parse(readFileSync(join(root, name), 'utf8')) as Array<Array<{ sql: string }>>;
      for (const split of splits)
        for (const statement of split) statement.sql = `/* kept */ ${statement.sql}`;
      writeFileSync(join(root, name), JSON.stringify(splits));
    }
  };
  const sqlOf = async (engine = 'engine 1') =>
    (await readModelFiles(join(dir, models), { statementCache: parseCache(root, engine) }))[0].statements.map(
      (s) => s.sql,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-parse-cache-'));
    root = join(dir, 'cache', 'parse');
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    write(
      'models/01.sql',
      "CREATE TABLE items (id bigint PRIMARY KEY, note text DEFAULT 'a;b');\nCREATE INDEX ON items (note);\n",
    );
    write(
      'migrations/0001_initial.sql',
      '-- The first.\n-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY);\n\n-- migrate:down transaction:false\nDROP TABLE items;\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what the parser gives, and reads a file that did not change from its entry', async () => {
    const parsed = await readModelFiles(join(dir, models));
    const cache = parseCache(root, 'engine 1');
    expect(await readModelFiles(join(dir, models), { statementCache: cache })).toEqual(parsed);
    expect(entries()).toHaveLength(1);
    const kept = await readModelFiles(join(dir, models), { statementCache: cache });
    expect(kept).toEqual(parsed);
    // The parse tree is stored once: `node` is the value inside `stmt`, as the parser gives it.
    expect(kept[0].statements[0].node).toBe(Object.values(kept[0].statements[0].stmt!)[0]);
    tamper();
    expect(await sqlOf()).toEqual(parsed[0].statements.map((s) => `/* kept */ ${s.sql}`));
  });

  it('keeps migrations section by section, options and lines included', async () => {
    const parsed = await readMigrations(join(dir, 'migrations'));
    const cache = parseCache(root, 'engine 1');
    expect(await readMigrations(join(dir, 'migrations'), { statementCache: cache })).toEqual(parsed);
    expect(await readMigrations(join(dir, 'migrations'), { statementCache: cache })).toEqual(parsed);
    expect(parsed[0].down[0]).toMatchObject({ transaction: false, line: 5 });
  });

  it('never reuses an entry for a changed file or another engine', async () => {
    const before = await sqlOf();
    tamper();
    expect(await sqlOf('engine 2')).toEqual(before);
    write('models/01.sql', 'CREATE TABLE items (id bigint PRIMARY KEY);\n');
    expect(await sqlOf()).toEqual(['CREATE TABLE items (id bigint PRIMARY KEY)']);
  });

  it('ignores a corrupt or half-written entry and keeps a whole one again', async () => {
    const before = await sqlOf();
    const [name] = entries();
    for (const text of [
      '[[{"sql": "CREATE TABLE',
      '[[{"sql": "SELECT 1", "line": 1, "kind": "SelectStmt", "stmt": {}}]]',
    ]) {
      writeFileSync(join(root, name), text);
      expect(await sqlOf()).toEqual(before);
    }
    expect(entries()).toEqual([name]);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, name), 'utf8'))[0]).toHaveLength(2);
  });

  it('neither reads nor writes entries in a folder others may write (770): the files are parsed', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const before = await sqlOf();
      tamper();
      chmodSync(root, 0o770);
      expect(await sqlOf()).toEqual(before);
      rmSync(join(root, entries()[0]));
      expect(await sqlOf()).toEqual(before);
      expect(entries()).toEqual([]);
      expect(stderr).toHaveBeenCalledTimes(1);
      expect(String(stderr.mock.calls[0][0])).toContain(
        `not using the cache folder ${root}: its mode is 770`,
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('keeps nothing for a file with a syntax error', async () => {
    write('models/01.sql', 'CREATE TABLE items (id bigint PRIMARY KEY,);\n');
    await expect(sqlOf()).rejects.toThrow(/syntax error/);
    await expect(sqlOf()).rejects.toThrow(/syntax error/);
    write('migrations/0001_initial.sql', '-- migrate:up\nCREATE TABLE (;\n-- migrate:down\nSELECT 1;\n');
    await expect(
      readMigrations(join(dir, 'migrations'), { statementCache: parseCache(root, 'engine 1') }),
    ).rejects.toThrow(/syntax error/);
    expect(existsSync(root) ? entries() : []).toEqual([]);
  });
});
