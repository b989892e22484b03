import { randomBytes } from 'node:crypto';
import { loadSqlParser, parseMigrationFile, splitStatements, type ModelFile } from '@bakery-ia/init-manager';
import { adminQuery, createTestDatabase, describeEachServer } from '@bakery-ia/test-db';
import pg from 'pg';
import { cacheKeepsNoRole, provideShadowRoles, rolesToProvide, SHADOW_ROLE_COMMENT } from './shadow-roles';

beforeAll(() => loadSqlParser());

const model = (sql: string, declaredRoles: string[] = []): ModelFile => ({
  fileName: '01.sql',
  path: '01.sql',
  text: sql,
  sql,
  statements: splitStatements(sql),
  skipped: [],
  declaredRoles,
});

describe('roles to provide', () => {
  it('takes the roles that the models (as they run) and every migration section name', () => {
    const models = [
      model('GRANT SELECT ON t TO reader; CREATE POLICY p ON t TO api USING (true);', ['declared']),
    ];
    const migration = parseMigrationFile(
      '0001_x.sql',
      '-- migrate:up\nGRANT SELECT ON t TO old_reader;\n-- migrate:down\nREVOKE ALL ON t FROM gone;\n',
    ).migration!;
    expect(rolesToProvide(models, [migration])).toEqual(['api', 'declared', 'gone', 'old_reader', 'reader']);
    expect(rolesToProvide(models, [], { privileges: false })).toEqual(['api', 'declared']);
  });
});

describeEachServer('roles on a shadow server', (server) => {
  const name = () => `shadow_role_${randomBytes(4).toString('hex')}`;
  const shared = { url: server.url, disposable: false, description: 'the test server' };

  it('lets the cache keep schemas on a shared server only when every named role exists', async () => {
    const [present, missing] = [name(), name()];
    await adminQuery(server, `CREATE ROLE ${present} NOLOGIN`);
    try {
      expect(await cacheKeepsNoRole(shared, [])).toBe(true);
      expect(await cacheKeepsNoRole(shared, [present])).toBe(true);
      expect(await cacheKeepsNoRole(shared, [present, missing])).toBe(false);
      expect(await cacheKeepsNoRole({ ...shared, private: true }, [missing])).toBe(true);
    } finally {
      await adminQuery(server, `DROP ROLE ${present}`);
    }
  });
  const roleInfo = async (role: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ comment: string | null; login: boolean }>(
        `SELECT shobj_description(oid, 'pg_authid') AS comment, rolcanlogin AS login FROM pg_roles WHERE rolname = $1`,
        [role],
      );
      return rows[0];
    } finally {
      await client.end();
    }
  };

  it('creates missing roles NOLOGIN for the run and drops them after it', async () => {
    const role = name();
    const db = await createTestDatabase(server, 'claim');
    const roles = await provideShadowRoles(shared, [role], db);
    try {
      expect(roles.created).toEqual([role]);
      expect(await roleInfo(role)).toEqual({ comment: SHADOW_ROLE_COMMENT, login: false });
    } finally {
      await db.drop();
      await roles.release();
    }
    expect(await roleInfo(role)).toBeUndefined();
  });

  it('keeps a role that a concurrent run or another database still uses, and one it did not create', async () => {
    const [role, existing] = [name(), name()];
    await adminQuery(server, `CREATE ROLE ${existing} NOLOGIN`);
    const [first, second] = [
      await createTestDatabase(server, 'claim'),
      await createTestDatabase(server, 'claim'),
    ];
    try {
      const one = await provideShadowRoles(shared, [role, existing], first);
      const two = await provideShadowRoles(shared, [role], second);
      expect(one.created).toEqual([role]);
      expect(two.created).toEqual([]);
      await first.drop();
      await one.release();
      expect((await roleInfo(role))?.comment).toBe(SHADOW_ROLE_COMMENT);
      await second.drop();
      await two.release();
      expect(await roleInfo(role)).toBeUndefined();
      expect(await roleInfo(existing)).toEqual({ comment: null, login: false });
    } finally {
      await first.drop().catch(() => undefined);
      await second.drop().catch(() => undefined);
      await adminQuery(server, `DROP ROLE IF EXISTS ${role}`);
      await adminQuery(server, `DROP ROLE IF EXISTS ${existing}`);
    }
  });

  it('says what to do when the shadow user may not create roles', async () => {
    const [user, role] = [name(), name()];
    await adminQuery(server, `CREATE ROLE ${user} LOGIN PASSWORD 'x'`);
    const url = new URL(server.url);
    [url.username, url.password] = [user, 'x'];
    const db = await createTestDatabase(server, 'claim');
    try {
      await expect(provideShadowRoles({ ...shared, url: url.toString() }, [role], db)).rejects.toThrow(
        `The models or migrations name role "${role}", which does not exist on the shadow server the test server, and creating it there failed: permission denied to create role.`,
      );
    } finally {
      await db.drop();
      await adminQuery(server, `DROP ROLE ${user}`);
    }
  });
});
