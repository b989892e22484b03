import { loadSqlParser, splitStatements, type ModelFile } from '@bakery-ia/init-manager';
import { readRenameHints } from './rename-hints';

beforeAll(() => loadSqlParser());

function model(sql: string): ModelFile {
  return {
    fileName: '01.sql',
    path: 'models/01.sql',
    text: sql,
    sql,
    statements: splitStatements(sql),
    skipped: [],
    declaredRoles: [],
  };
}

describe('readRenameHints', () => {
  it('reads table and column hints with their place', () => {
    const sql = [
      'CREATE TABLE billing.accounts ( -- @renamed-from users',
      '  id int,',
      '  full_name text -- @renamed-from "Name"',
      ');',
    ].join('\n');
    expect(readRenameHints([model(sql)])).toEqual([
      { kind: 'table', schema: 'billing', table: 'accounts', from: 'users', where: 'models/01.sql:1' },
      {
        kind: 'column',
        schema: 'billing',
        table: 'accounts',
        column: 'full_name',
        from: 'Name',
        where: 'models/01.sql:3',
      },
    ]);
  });

  it('finds columns after multi-byte text (parser locations are bytes)', () => {
    const sql = "CREATE TABLE t (\n  note text DEFAULT 'ñandú', label text -- @renamed-from tag\n);";
    const hints = readRenameHints([model(sql)]);
    // Both columns are on line 2: the hint is about the last one defined before it (byte offsets
    // after 'ñandú' must be right to tell).
    expect(hints).toEqual([
      {
        kind: 'column',
        schema: 'public',
        table: 't',
        column: 'label',
        from: 'tag',
        where: 'models/01.sql:2',
      },
    ]);
  });

  it('refuses a hint outside a CREATE TABLE', () => {
    expect(() => readRenameHints([model('-- @renamed-from x\nCREATE VIEW v AS SELECT 1;')])).toThrow(
      'models/01.sql:1: @renamed-from must be on a CREATE TABLE line or a column line of one.',
    );
  });

  it('refuses a hint inside a CREATE TABLE that is not on a column line', () => {
    const sql = 'CREATE TABLE t (\n  id int,\n  -- @renamed-from x\n  name text\n);';
    expect(() => readRenameHints([model(sql)])).toThrow(
      'models/01.sql:3: @renamed-from must be on the line that defines the renamed column.',
    );
  });
});
