import { loadSqlParser, splitStatements, type ModelFile } from '@bakery-ia/init-manager';
import { parseUsing, readUsingHints, unusedUsingNote } from './using-hints';

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

describe('readUsingHints', () => {
  it('reads the hint of the column defined before it on its line, one way or both', () => {
    const sql = [
      "CREATE TABLE shop.t (note text DEFAULT '-- @not a hint', id int, c int -- @using c::text",
      "  , d int -- @using up: CASE d WHEN 1 THEN 'x' END; down: CASE d WHEN 'x' THEN 1 END",
      ');',
    ].join('\n');
    expect(readUsingHints([model(sql)])).toEqual([
      { schema: 'shop', table: 't', column: 'c', up: 'c::text', where: 'models/01.sql:1' },
      {
        schema: 'shop',
        table: 't',
        column: 'd',
        up: "CASE d WHEN 1 THEN 'x' END",
        down: "CASE d WHEN 'x' THEN 1 END",
        where: 'models/01.sql:2',
      },
    ]);
  });

  it('refuses an unknown hint, a misplaced one and a second one on a column', () => {
    expect(() => readUsingHints([model('CREATE TABLE t (c int -- @usnig c\n);')])).toThrow(
      'models/01.sql:1: unknown hint @usnig; the hints are @renamed-from and @using',
    );
    expect(() => readUsingHints([model('-- @using c::int\nCREATE TABLE t (c int);')])).toThrow(
      'models/01.sql:1: @using must be on the line that defines the column.',
    );
    const twice = 'CREATE TABLE t (\n c int -- @using c::int\n);\nALTER TABLE t ADD COLUMN d int;';
    expect(readUsingHints([model(twice)])).toHaveLength(1);
    expect(() => readUsingHints([model(twice), { ...model(twice), path: 'models/02.sql' }])).toThrow(
      'models/02.sql:2: column c has a @using hint at models/01.sql:2 already',
    );
  });

  it('says when a hint is no longer used', () => {
    expect(
      unusedUsingNote({ schema: 'public', table: 't', column: 'c', up: 'x', where: 'models/01.sql:3' }),
    ).toBe(
      'note: models/01.sql:3: @using is not used: the type of public.t.c does not change; you can remove it.',
    );
  });
});

describe('parseUsing', () => {
  it('takes one SQL expression per direction and nothing else', () => {
    expect(parseUsing(' down: c::int ', 'w')).toEqual({ down: 'c::int' });
    expect(parseUsing("up: 'a;b'::text; down: c::int;", 'w')).toEqual({ up: "'a;b'::text", down: 'c::int' });
    expect(() => parseUsing('', 'w')).toThrow('w: @using needs an expression');
    expect(() => parseUsing('c::int; DROP TABLE t', 'w')).toThrow(
      'w: @using: "c::int; DROP TABLE t" is not one SQL expression.',
    );
    expect(() => parseUsing('c FROM t', 'w')).toThrow('is not one SQL expression');
    expect(() => parseUsing('up: a; up: b', 'w')).toThrow('w: @using: cannot read "up: b"');
  });
});
