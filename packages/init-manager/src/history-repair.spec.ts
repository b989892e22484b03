import { describeEachServer } from '@bakery-ia/test-db';
import { initializer, refusal } from './test-support/initialize-run';
import { migration } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

const FILES = {
  '0001_users.sql': migration('CREATE TABLE users (id int PRIMARY KEY);', 'DROP TABLE users;'),
  '0002_roles.sql': migration(
    [
      `CREATE TYPE role_kind AS ENUM ('admin', 'member');`,
      'CREATE TABLE roles (id int PRIMARY KEY, kind role_kind NOT NULL);',
      'CREATE INDEX roles_kind_idx ON roles (kind);',
      'ALTER TABLE users ADD COLUMN role_id int, ADD CONSTRAINT users_role_fk FOREIGN KEY (role_id) REFERENCES roles (id);',
    ].join('\n'),
    'ALTER TABLE users DROP COLUMN role_id; DROP TABLE roles; DROP TYPE role_kind;',
  ),
  '0003_perms.sql': migration('CREATE TABLE perms (id int);', 'DROP TABLE perms;'),
};

describeEachServer('a hand-edited schema_migrations', (server) => {
  const t = scratchDatabase(server, 'history');
  const initialize = initializer(t);
  const start = (migrationsDir: string) => initialize({ migrationsDir });
  const sql = (text: string) => t.client.query(text);
  /** The repair statements a message gives, run as a person would paste them. */
  const runRepair = async (message: string) => {
    const statements = message.match(/^ {4}INSERT INTO .*;$/gm) ?? [];
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) await sql(statement.trim());
  };

  it('a deleted last row: says the migration ran and gives the INSERT that records it again', async () => {
    const two = t.folder({
      '0001_users.sql': FILES['0001_users.sql'],
      '0002_roles.sql': FILES['0002_roles.sql'],
    });
    await start(two);
    await sql(`DELETE FROM schema_migrations WHERE version = '0002'`);
    const error = await refusal(start(two));
    expect(error.code).toBe('MISSING_HISTORY_ROW');
    expect(error.message).toContain(
      'Migration 0002_roles.sql is not recorded in public.schema_migrations, yet every object it creates already exists ' +
        '(type role_kind, table roles, index roles_kind_idx, column users.role_id, constraint users_role_fk on users): ' +
        'it ran here before and its row was deleted',
    );
    expect(error.message).toContain(
      'Re-running it failed: 0002_roles.sql:3: type "role_kind" already exists',
    );
    expect(error.message).toContain(
      `INSERT INTO public.schema_migrations (version, name, checksum, duration_ms) VALUES ('0002', 'roles', 'h1:`,
    );
    await runRepair(error.message);
    expect(await start(two)).toMatchObject({ mode: 'up-to-date', skipped: 2 });
  });

  it('a hole in the middle: says a row was deleted (not a merge) and how to record it again', async () => {
    const all = t.folder(FILES);
    await start(all);
    await sql(`DELETE FROM schema_migrations WHERE version = '0002'`);
    const error = await refusal(start(all));
    expect(error.code).toBe('MISSING_HISTORY_ROW');
    expect(error.message).toContain(
      'public.schema_migrations has a hole: 0002_roles.sql is not recorded, but the later 0003_perms.sql is, and every object it creates exists',
    );
    expect(error.message).toContain(
      'its row was deleted by hand (not a branch merged late). Nothing was changed.',
    );
    expect(error.message).not.toContain('renumber');
    await runRepair(error.message);
    expect(await start(all)).toMatchObject({ mode: 'up-to-date', skipped: 3 });
  });

  it('a branch merged late is still one: the renumber hint, and why it is not a deleted row', async () => {
    await start(
      t.folder({ '0001_users.sql': FILES['0001_users.sql'], '0003_perms.sql': FILES['0003_perms.sql'] }),
    );
    const error = await refusal(start(t.folder(FILES)));
    expect(error.code).toBe('OUT_OF_ORDER_MIGRATION');
    expect(error.message).toContain('renumber 0002_roles.sql after 0003_perms.sql');
    expect(error.message).toContain('0002_roles.sql did not run here: none of the objects it creates exist');
  });

  it('objects made by hand: names the ones already there, and both ways out', async () => {
    const two = t.folder({
      '0001_users.sql': FILES['0001_users.sql'],
      '0002_roles.sql': FILES['0002_roles.sql'],
    });
    await start(t.folder({ '0001_users.sql': FILES['0001_users.sql'] }));
    await sql(`CREATE TYPE role_kind AS ENUM ('admin')`);
    const error = await refusal(start(two));
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toContain('type "role_kind" already exists');
    expect(error.message).toContain(
      '1 of the 5 object(s) 0002_roles.sql creates already existed (type role_kind; not there: table roles,',
    );
    expect(error.message).toContain('Drop them and start again');
  });
});
