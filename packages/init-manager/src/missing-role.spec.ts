import { randomBytes } from 'node:crypto';
import { adminQuery, describeEachServer } from '@bakery-ia/test-db';
import type { InitializeOptions } from './initialize';
import { initializer, refusal } from './test-support/initialize-run';
import { migration } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

describeEachServer('roles named by migrations and models', (server) => {
  const t = scratchDatabase(server);
  const ghost = `ghost_${randomBytes(4).toString('hex')}`;
  const folder = (files: Record<string, string>, withSum = true) => t.folder(files, { withSum });
  const run = initializer(t);
  const failure = (options: Partial<InitializeOptions>) => refusal(run(options));
  const tableAcl = async (name: string) =>
    (await t.client.query(`SELECT relacl::text AS acl FROM pg_class WHERE relname = $1`, [name])).rows[0]
      ?.acl;

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
      await t.renew();
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
