import { parseMigrationFile, statementsOf } from './migration-file';
import { loadSqlParser } from './sql-statements';

beforeAll(() => loadSqlParser());

describe('parseMigrationFile', () => {
  it('reads version, name, steps and statement lines', () => {
    const text = [
      '-- header comment; with a semicolon',
      '-- migrate:up',
      "CREATE TABLE a (x text DEFAULT ';');",
      '',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;',
      '-- migrate:down',
      'DROP FUNCTION f();',
      'DROP TABLE a;',
    ].join('\n');
    const { migration, problems } = parseMigrationFile('0002_add_a.sql', text);
    expect(problems).toEqual([]);
    expect(migration).toMatchObject({ version: '0002', name: 'add_a', fileName: '0002_add_a.sql' });
    expect(statementsOf(migration!, 'up').map((s) => [s.line, s.kind])).toEqual([
      [3, 'CreateStmt'],
      [5, 'CreateFunctionStmt'],
    ]);
    expect(statementsOf(migration!, 'down').map((s) => s.line)).toEqual([7, 8]);
    expect(migration!.checksum).toMatch(/^h1:/);
  });

  it('keeps transaction:false steps apart, in order', () => {
    const text = [
      '-- migrate:up transaction:false',
      "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';",
      '-- migrate:up',
      "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'ok';",
      '-- migrate:down',
      'ALTER TABLE t ALTER COLUMN m DROP DEFAULT;',
    ].join('\n');
    const { migration } = parseMigrationFile('0003_mood.sql', text);
    expect(migration!.up.map((step) => [step.transaction, step.statements.length])).toEqual([
      [false, 1],
      [true, 1],
    ]);
  });

  it.each([
    ['bad name', 'add_table.sql', '-- migrate:up\nSELECT 1;', /file name must look like/],
    ['no up section', '0001_a.sql', 'SELECT 1;', /no "-- migrate:up" section/],
    [
      'empty up section',
      '0001_a.sql',
      '-- migrate:up\n-- nothing\n-- migrate:down\nSELECT 1;',
      /empty migration/,
    ],
    ['statement before up', '0001_a.sql', 'SELECT 1;\n-- migrate:up\nSELECT 2;', /before the first/],
    ['unknown option', '0001_a.sql', '-- migrate:up transactions:off\nSELECT 1;', /unknown option/],
    [
      'down before up',
      '0001_a.sql',
      '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:up\nSELECT 3;',
      /follows a down/,
    ],
  ])('refuses a file with %s', (_case, name, text, message) => {
    const { migration, problems } = parseMigrationFile(name, text);
    expect(migration).toBeUndefined();
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('points a syntax error at its file line', () => {
    const { problems } = parseMigrationFile('0001_a.sql', '-- migrate:up\nSELECT 1;\n\nCREATE TABLE (;\n');
    expect(problems).toEqual([expect.objectContaining({ file: '0001_a.sql', line: 4 })]);
  });

  it('gives the same checksum for CRLF and LF checkouts', () => {
    const lf = parseMigrationFile('0001_a.sql', '-- migrate:up\nSELECT 1;\n').migration!;
    const crlf = parseMigrationFile('0001_a.sql', '-- migrate:up\r\nSELECT 1;\r\n').migration!;
    expect(crlf.checksum).toBe(lf.checksum);
  });
});
