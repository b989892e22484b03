import { adminQuery, createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import type { Terminal } from '../../clean/confirm';
import { captureConsole, serviceWorkspace } from '../test-support/service-workspace';
import cleanExecutor from './executor';

const SCHEMA = `
  CREATE EXTENSION IF NOT EXISTS citext;
  CREATE TYPE mood AS ENUM ('ok');
  CREATE TABLE users (id serial PRIMARY KEY, email citext, m mood);
  CREATE VIEW user_emails AS SELECT email FROM users;
  CREATE MATERIALIZED VIEW user_count AS SELECT count(*) FROM users;
  CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
  CREATE SCHEMA reports;
  CREATE TABLE reports.daily (d date);
`;

const noTerminal: Terminal = { isInteractive: false, ask: async () => '' };
const answering = (answer: string): Terminal => ({ isInteractive: true, ask: async () => answer });

describeEachServer('migrate-clean', (server) => {
  let db: TestDatabase;
  let ws: ReturnType<typeof serviceWorkspace>;
  const savedEnvironment = process.env.ENVIRONMENT;
  beforeEach(async () => {
    db = await createTestDatabase(server, 'clean');
    await (await db.client()).query(SCHEMA);
    ws = serviceWorkspace({ schemas: ['public', 'reports'], databaseUrlEnv: 'SVC_TEST_DATABASE_URL' });
    process.env.SVC_TEST_DATABASE_URL = db.url;
    delete process.env.ENVIRONMENT;
  });
  afterEach(async () => {
    await db.drop();
    ws.remove();
    delete process.env.SVC_TEST_DATABASE_URL;
    if (savedEnvironment !== undefined) process.env.ENVIRONMENT = savedEnvironment;
  });
  const objects = async () =>
    Number(
      (
        await (
          await db.client()
        ).query(
          `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'reports') AND c.relkind IN ('r', 'v', 'm', 'S')`,
        )
      ).rows[0].n,
    );
  const clean = (options: Parameters<typeof cleanExecutor>[0], terminal = noTerminal) =>
    captureConsole(() => cleanExecutor(options, ws.context, terminal));

  it('shows what is there, drops it with --yes, and proves the schemas are empty', async () => {
    const { result, output } = await clean({ yes: true });
    expect(result.success).toBe(true);
    expect(output).toContain(
      'public: 1 table(s), 1 view(s), 1 materialized view(s), 1 sequence(s), 1 function(s), 1 type(s), 1 extension(s)',
    );
    expect(output).toContain('reports: 1 table(s)');
    expect(output).toContain('After: public: empty; reports: empty.');
    expect(output).toContain('DROP SCHEMA ... CASCADE, schemas recreated');
    expect(await objects()).toBe(0);
    const client = await db.client();
    const { rows } = await client.query(
      `SELECT pg_get_userbyid(nspowner) AS owner, has_schema_privilege('public', 'public', 'USAGE') AS usage FROM pg_namespace WHERE nspname = 'public'`,
    );
    expect(rows[0]).toEqual({
      owner: server.majorVersion >= 15 ? 'pg_database_owner' : 'postgres',
      usage: true,
    });
    expect(
      (await client.query(`SELECT to_regnamespace('reports') IS NOT NULL AS exists`)).rows[0].exists,
    ).toBe(true);
  });

  it('--dry-run lists every object it would drop by name, and drops nothing', async () => {
    const { result, output } = await clean({ dryRun: true });
    expect(result.success).toBe(true);
    const listed = output.split('Would drop:\n')[1]?.split('\nDry run:')[0];
    expect(listed?.split('\n')).toEqual([
      '  table public.users',
      '  view public.user_emails',
      '  materialized view public.user_count',
      '  sequence public.users_id_seq',
      '  function public.f()',
      '  enum public.mood',
      '  extension citext',
      '  table reports.daily',
    ]);
    expect(output).toContain(
      'Dry run: would drop 8 object(s) in schema(s) public, reports. Nothing dropped.',
    );
    expect(await objects()).toBeGreaterThan(0);
  });

  it('refuses without a terminal and without --yes, dropping nothing', async () => {
    const { result, output } = await clean({});
    expect(result.success).toBe(false);
    expect(output).toContain('no terminal to confirm on and no --yes given; nothing dropped');
    expect(await objects()).toBeGreaterThan(0);
  });

  it('asks on a terminal: "yes" cleans, anything else does not', async () => {
    expect((await clean({}, answering('no'))).result.success).toBe(false);
    expect(await objects()).toBeGreaterThan(0);
    expect((await clean({}, answering('yes'))).result.success).toBe(true);
    expect(await objects()).toBe(0);
  });

  it('refuses production, even with --yes; --allow-production needs the database name typed back', async () => {
    process.env.ENVIRONMENT = 'production';
    const refused = await clean({ yes: true });
    expect(refused.result.success).toBe(false);
    expect(refused.output).toContain(
      'the target is production (from ENVIRONMENT), not a development environment (development, local, test, ci); migrate-clean refuses it',
    );
    const noTty = await clean({ yes: true, allowProduction: true });
    expect(noTty.output).toContain('needs the database name typed back on a terminal');
    const wrongName = await clean({ allowProduction: true }, answering('auth'));
    expect(wrongName.output).toContain(`is not "${db.name}"`);
    expect(await objects()).toBeGreaterThan(0);
    const typed = await clean({ allowProduction: true }, answering(db.name));
    expect(typed.result.success).toBe(true);
    expect(await objects()).toBe(0);
  });

  it('refuses every environment name that is not a development one, even with --yes', async () => {
    for (const name of ['prd', 'live', 'production_eu', 'prod-eu', 'qa', 'Production']) {
      process.env.ENVIRONMENT = name;
      const { result, output } = await clean({ yes: true });
      expect(result.success).toBe(false);
      expect(output).toContain(
        `the target is ${name.toLowerCase()} (from ENVIRONMENT), not a development environment`,
      );
    }
    expect(await objects()).toBeGreaterThan(0);
  });

  it('cleans a development name (ci, dev) with --yes', async () => {
    process.env.ENVIRONMENT = 'ci';
    expect((await clean({ yes: true })).result.success).toBe(true);
    expect(await objects()).toBe(0);
    await (await db.client()).query('CREATE TABLE again (id int)');
    process.env.ENVIRONMENT = 'dev';
    const { result, output } = await clean({ yes: true });
    expect(result.success).toBe(true);
    expect(output).toContain('(environment: development, from ENVIRONMENT)');
  });

  it('refuses a staging target named by the service config', async () => {
    ws.remove();
    ws = serviceWorkspace({
      schemas: ['public'],
      databaseUrlEnv: 'SVC_TEST_DATABASE_URL',
      environment: 'staging',
    });
    const { result, output } = await clean({ yes: true });
    expect(result.success).toBe(false);
    expect(output).toContain('the target is staging (from migrate.config.json)');
  });

  it('falls back to dropping objects one by one when it may not drop the schema', async () => {
    const role = `cleaner_${db.name}`;
    await adminQuery(server, `CREATE ROLE ${role} LOGIN PASSWORD 'cleaner-pw'`);
    try {
      const client = await db.client();
      await client.query(
        `DROP SCHEMA reports CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO ${role}`,
      );
      await client.query(
        `SET ROLE ${role}; CREATE TABLE owned (id int); CREATE VIEW owned_view AS SELECT id FROM owned; RESET ROLE`,
      );
      ws.remove();
      ws = serviceWorkspace({ schemas: ['public'], databaseUrlEnv: 'SVC_TEST_DATABASE_URL' });
      const url = new URL(db.url);
      url.username = role;
      url.password = 'cleaner-pw';
      const { result, output } = await clean({ yes: true, databaseUrl: url.toString() });
      expect(output).toContain('objects dropped one by one');
      expect(output).toContain(
        'warning: --database-url holds a password: Nx prints task options (the "> nx run ..." line) and keeps them in its run records',
      );
      expect(output).toContain('--database-url-env=SVC_TEST_DATABASE_URL');
      expect(output).not.toContain('cleaner-pw');
      expect(result.success).toBe(true);
      expect(await objects()).toBe(0);
    } finally {
      await db.drop();
      db = await createTestDatabase(server, 'clean');
      await adminQuery(server, `DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('says what to do when no database URL is set', async () => {
    delete process.env.SVC_TEST_DATABASE_URL;
    const { result, output } = await clean({ yes: true });
    expect(result.success).toBe(false);
    expect(output).toContain(
      'set SVC_TEST_DATABASE_URL (databaseUrlEnv in migrate.config.json), pass --database-url-env=<VARIABLE>, or use --k8s',
    );
  });

  it('takes the database by environment variable name (--database-url-env), refusing an unset one', async () => {
    process.env.SVC_OTHER_URL = db.url;
    delete process.env.SVC_TEST_DATABASE_URL;
    try {
      const { result, output } = await clean({ dryRun: true, databaseUrlEnv: 'SVC_OTHER_URL' });
      expect(result.success).toBe(true);
      expect(output).toContain(`Target: database "${db.name}"`);
      const unset = await clean({ dryRun: true, databaseUrlEnv: 'SVC_UNSET_URL' });
      expect(unset.result.success).toBe(false);
      expect(unset.output).toContain('--database-url-env=SVC_UNSET_URL: SVC_UNSET_URL is not set (or empty)');
    } finally {
      delete process.env.SVC_OTHER_URL;
    }
  });
});
