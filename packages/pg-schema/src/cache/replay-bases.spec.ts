import { loadSqlParser, parseMigrationFile, type MigrationFile } from '@bakery-ia/init-manager';
import { MAX_BASES, replayBases } from './replay-bases';

beforeAll(() => loadSqlParser());

const migration = (n: number, up: string): MigrationFile =>
  parseMigrationFile(
    `${String(n).padStart(4, '0')}_m.sql`,
    `-- migrate:up\n${up}\n-- migrate:down\nSELECT 1;\n`,
  ).migration!;
const counts = (migrations: MigrationFile[]) =>
  replayBases(migrations, (prefix) => prefix.map((m) => m.fileName).join(',')).map((base) => base.count);

describe('replayBases', () => {
  const ddl = (n: number) => migration(n, `CREATE TABLE t${n} (id int);\nCREATE INDEX ON t${n} (id);`);

  it('offers the longest prefixes first, never the whole set, at most MAX_BASES', () => {
    expect(counts([ddl(1)])).toEqual([]);
    expect(counts([ddl(1), ddl(2), ddl(3)])).toEqual([2, 1]);
    const many = Array.from({ length: MAX_BASES + 3 }, (_, i) => ddl(i + 1));
    expect(counts(many)).toEqual(Array.from({ length: MAX_BASES }, (_, i) => many.length - 1 - i));
    const keys = replayBases([ddl(1), ddl(2)], (prefix) => prefix.map((m) => m.fileName).join(','));
    expect(keys).toEqual([{ key: '0001_m.sql', count: 1 }]);
  });

  it('stops before a migration that may leave something in the session', () => {
    for (const up of [
      'SET search_path = app;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      'CREATE TEMP TABLE scratch (id int);',
      'CREATE TEMPORARY SEQUENCE s;',
      'CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      'DO $$ BEGIN PERFORM 1; END $$;',
      'SET ROLE api;',
      'INSERT INTO t1 VALUES (1);',
    ])
      expect([up, counts([ddl(1), migration(2, up), ddl(3), ddl(4)])]).toEqual([up, [1]]);
    expect(counts([migration(1, 'SET search_path = app;'), ddl(2), ddl(3)])).toEqual([]);
    // What generated steps start with, and RESET (back to a new session's default), are fine.
    const local = migration(
      2,
      "SET LOCAL lock_timeout = '5s';\nALTER TABLE t1 ADD c int;\nRESET lock_timeout;",
    );
    expect(counts([ddl(1), local, ddl(3)])).toEqual([2, 1]);
  });
});
