import { rolesDeclaredBy, rolesNamedBy } from './role-names';
import { loadSqlParser, splitStatements } from './sql-statements';

beforeAll(() => loadSqlParser());

describe('role names', () => {
  it('collects every named role of grants, default privileges, policies and schema authorization', () => {
    const statements = splitStatements(`
      GRANT SELECT, UPDATE (a) ON t TO reader, PUBLIC, CURRENT_USER WITH GRANT OPTION;
      ALTER DEFAULT PRIVILEGES FOR ROLE "Owner Role" IN SCHEMA s REVOKE ALL ON TABLES FROM writer;
      CREATE POLICY p ON t TO api, SESSION_USER USING (true);
      CREATE SCHEMA billing AUTHORIZATION billing_owner;
      CREATE TABLE plain (a int);`);
    expect(rolesNamedBy(statements)).toEqual(['Owner Role', 'api', 'billing_owner', 'reader', 'writer']);
  });

  it('reads the roles CREATE ROLE declares', () => {
    expect(rolesDeclaredBy(splitStatements('CREATE ROLE a NOLOGIN; CREATE USER b; GRANT a TO b;'))).toEqual([
      'a',
      'b',
    ]);
  });
});
