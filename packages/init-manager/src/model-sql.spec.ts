import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyModelStatement, readModelFiles } from './model-sql';
import { loadSqlParser, splitStatements } from './sql-statements';

beforeAll(() => loadSqlParser());

const classes = (sql: string) => splitStatements(sql).map(classifyModelStatement);

describe('model statements', () => {
  it('runs privileges on schema objects and default privileges; leaves ownership and roles out', () => {
    expect(
      classes(`
        GRANT SELECT ON TABLE t TO reader;
        REVOKE ALL ON FUNCTION f() FROM PUBLIC;
        GRANT USAGE ON SCHEMA s TO reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reader;
        ALTER TABLE t OWNER TO app;
        ALTER FUNCTION f() OWNER TO app;
        GRANT reader TO app;
        CREATE ROLE reader NOLOGIN;
        ALTER ROLE reader SET search_path = public;
        GRANT CONNECT ON DATABASE shop TO reader;
        GRANT USAGE ON LANGUAGE plpgsql TO reader;
        ALTER TABLE t ADD COLUMN c int;`),
    ).toEqual([
      'privilege',
      'privilege',
      'privilege',
      'privilege',
      'privilege',
      'ownership',
      'ownership',
      'ownership',
      'role',
      'role',
      'unmanaged-privilege',
      'unmanaged-privilege',
      'schema',
    ]);
  });

  it('keeps statements in file order and lists the roles a file declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    try {
      writeFileSync(
        join(dir, '01.sql'),
        'CREATE ROLE app_reader;\nCREATE TABLE t (a int);\nGRANT SELECT ON t TO app_reader;\nALTER TABLE t OWNER TO app;\n',
      );
      const [file] = await readModelFiles(dir);
      expect(file.statements.map((s) => s.kind)).toEqual(['CreateStmt', 'GrantStmt']);
      expect(file.skipped.map((s) => s.kind)).toEqual(['CreateRoleStmt', 'AlterTableStmt']);
      expect(file.declaredRoles).toEqual(['app_reader']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
