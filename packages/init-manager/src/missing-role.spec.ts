import { randomBytes } from 'node:crypto';
import { adminQuery, createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { InitManagerError } from './errors';
import { initializeServiceDatabase, type InitializeOptions } from './initialize';
import { silentLogger } from './logger';
import { migration, migrationsFolder, removeFolder } from './test-support/migrations-fixture';

describeEachServer('roles named by migrations and models', (server) => {
  let db: TestDatabase;
  const folders: string[] = [];
  const ghost = `ghost_${randomBytes(4).toString('hex')}`;
  beforeEach(async () => {
    db = await createTestDatabase(server);
  });
  afterEach(async () => {
    await db.drop();
    folders.splice(0).forEach(removeFolder);
  });
  const folder = (files: Record<string, string>, withSum = true) => {
    const dir = migrationsFolder(files, { withSum });
    folders.push(dir);
    return dir;
  };
  const run = (options: Partial<InitializeOptions>) =>
    initializeServiceDatabase({
      service: 'auth',
      databaseUrl: db.url,
      migrationsDir: folder({}),
      environment: 'development',
      logger: silentLogger,
      ...options,
    });
  const failure = async (options: Partial<InitializeOptions>): Promise<InitManagerError> => {
    const error = await run(options).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof InitManagerError)) throw new Error(`expected an InitManagerError, got ${error}`);
    return error;
  };
  const tableAcl = async (name: string) =>
    (await (await db.client()).query(`SELECT relacl::text AS acl FROM pg_class WHERE relname = $1`, [name]))
      .rows[0]?.acl;

  it('a migration granting to a role that does not exist says roles are not created by migrations', async () => {
    const migrationsDir = folder({
      '0001_initial.sql': migration(
        `CREATE TABLE t (a int);\nGRANT SELECT ON t TO ${ghost};`,
        'DROP TABLE t;',
      ),
    });
    const error = await failure({ migrationsDir });
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toContain(`0001_initial.sql:4: role "${ghost}" does not exist (SQLSTATE 42704)`);
    expect(error.message).toContain('Roles are not created by migrations');
    expect(error.message).toContain(`CREATE ROLE ${ghost} NOLOGIN;`);
    expect(error.message).toContain('Nothing of this migration was applied');
    expect(await tableAcl('t')).toBeUndefined();
  });

  it('the create-all fallback applies grants, never creates the roles the models declare', async () => {
    const modelsDir = folder(
      {
        '01_tables.sql': `CREATE ROLE ${ghost} NOLOGIN;\nCREATE TABLE t (a int);\nGRANT SELECT ON t TO ${ghost};\n`,
      },
      false,
    );
    const error = await failure({ modelsDir });
    expect(error.code).toBe('MODELS_FAILED');
    expect(error.message).toContain(`01_tables.sql:3: role "${ghost}" does not exist`);
    expect(error.message).toContain('Roles are not created by migrations');
    expect(await tableAcl('t')).toBeUndefined();

    await adminQuery(server, `CREATE ROLE ${ghost} NOLOGIN`);
    try {
      expect((await run({ modelsDir })).mode).toBe('create-all');
      expect(await tableAcl('t')).toContain(`${ghost}=r/`);
    } finally {
      await db.drop();
      db = await createTestDatabase(server);
      await adminQuery(server, `DROP ROLE ${ghost}`);
    }
  });

  it('privileges: false leaves the models grants out of the create-all fallback', async () => {
    const modelsDir = folder(
      { '01_tables.sql': `CREATE TABLE t (a int);\nGRANT SELECT ON t TO ${ghost};\n` },
      false,
    );
    expect((await run({ modelsDir, privileges: false })).mode).toBe('create-all');
    expect(await tableAcl('t')).toBeNull();
  });
});
