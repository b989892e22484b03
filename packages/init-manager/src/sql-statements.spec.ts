import { loadSqlParser, splitStatements, SqlSyntaxError } from './sql-statements';

beforeAll(() => loadSqlParser());

describe('splitStatements', () => {
  it('keeps dollar-quoted bodies, literals and comments with semicolons whole', () => {
    const sql = [
      '-- comment; not a statement',
      "INSERT INTO t VALUES (';');",
      '/* block; comment */',
      'DO $body$ BEGIN PERFORM 1; PERFORM 2; END $body$;',
      "SELECT 'é; still one';",
    ].join('\n');
    const statements = splitStatements(sql, 10);
    expect(statements.map((s) => [s.line, s.kind, s.sql])).toEqual([
      [11, 'InsertStmt', "INSERT INTO t VALUES (';')"],
      [13, 'DoStmt', 'DO $body$ BEGIN PERFORM 1; PERFORM 2; END $body$'],
      [14, 'SelectStmt', "SELECT 'é; still one'"],
    ]);
  });

  it('reports the line of a syntax error after multi-byte characters', () => {
    const sql = "SELECT 'ñandú';\nSELECT 1;\nSELEC 2;";
    expect(() => splitStatements(sql, 5)).toThrow(SqlSyntaxError);
    try {
      splitStatements(sql, 5);
    } catch (error) {
      expect((error as SqlSyntaxError).line).toBe(7);
    }
  });

  it('ends a last statement without a semicolon before a trailing comment', () => {
    expect(splitStatements('SELECT 1;\nSELECT 2 -- tail\n/* end */', 1).map((s) => s.sql)).toEqual([
      'SELECT 1',
      'SELECT 2',
    ]);
  });

  it('returns nothing for comments only', () => {
    expect(splitStatements('-- a\n/* b */\n', 1)).toEqual([]);
  });
});
