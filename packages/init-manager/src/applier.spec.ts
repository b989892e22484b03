import { describeEachServer } from '@bakery-ia/test-db';
import { applyMigrations, MigrationStatementError, revertMigration } from './applier';
import { readAppliedMigrations, DEFAULT_MIGRATIONS_TABLE } from './migrations-table';
import { migration } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

describeEachServer('applyMigrations', (server) => {
  const t = scratchDatabase(server);
  const { read } = t;
  const tables = async () =>
    (
      await t.client.query(
        `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1`,
      )
    ).rows.map((row) => row.relname);

  it('applies in order and records each migration with its checksum', async () => {
    const migrations = await read({
      '0001_a.sql': migration('CREATE TABLE a (id int);'),
      '0002_b.sql': migration(
        'ALTER TABLE a ADD PRIMARY KEY (id);\nCREATE TABLE b (id int REFERENCES a (id) DEFERRABLE);',
      ),
    });
    const { results, error } = await applyMigrations(t.client, migrations);
    expect(error).toBeUndefined();
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const applied = await readAppliedMigrations(t.client, DEFAULT_MIGRATIONS_TABLE);
    expect(applied.map((row) => [row.version, row.name, row.checksum])).toEqual(
      migrations.map((m) => [m.version, m.name, m.checksum]),
    );
  });

  it('rolls back a failing migration entirely and says file, line and Postgres message', async () => {
    const migrations = await read({
      '0001_a.sql': migration('CREATE TABLE a (id int);'),
      '0002_b.sql': migration('CREATE TABLE b (id int);\n\nINSERT INTO missing_table\n  VALUES (1);'),
      '0003_c.sql': migration('CREATE TABLE c (id int);'),
    });
    const { results, error } = await applyMigrations(t.client, migrations);
    expect(results.map((r) => r.status)).toEqual(['applied', 'failed', 'not-run']);
    expect(error).toBeInstanceOf(MigrationStatementError);
    expect(error!.message).toMatch(
      /^0002_b\.sql:5: relation "missing_table" does not exist \(SQLSTATE 42P01\)/,
    );
    expect(error!.message).toContain('Nothing of this migration was applied');
    expect(await tables()).toEqual(['a', 'schema_migrations']);
  });

  it('commits an enum value in a transaction:false step before a later step uses it', async () => {
    const migrations = await read({
      '0001_mood.sql': migration("CREATE TYPE mood AS ENUM ('sad');\nCREATE TABLE person (m mood);"),
      '0002_ok.sql': [
        '-- migrate:up transaction:false',
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';",
        '-- migrate:up',
        "ALTER TABLE person ALTER COLUMN m SET DEFAULT 'ok';",
        "CREATE INDEX person_ok ON person (m) WHERE m = 'ok';",
        '-- migrate:down',
        'DROP INDEX person_ok;',
        'ALTER TABLE person ALTER COLUMN m DROP DEFAULT;',
      ].join('\n'),
    });
    const { error } = await applyMigrations(t.client, migrations);
    expect(error).toBeUndefined();
    const { rows } = await t.client.query(`SELECT enum_range(NULL::mood)::text AS r`);
    expect(rows[0].r).toBe('{sad,ok}');
  });

  it('runs CREATE INDEX CONCURRENTLY in a transaction:false section', async () => {
    const migrations = await read({
      '0001_a.sql': migration('CREATE TABLE a (id int);'),
      '0002_idx.sql':
        '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n-- migrate:down\nDROP INDEX a_id;\n',
    });
    const { error } = await applyMigrations(t.client, migrations);
    expect(error).toBeUndefined();
    expect((await readAppliedMigrations(t.client, DEFAULT_MIGRATIONS_TABLE)).map((m) => m.version)).toEqual([
      '0001',
      '0002',
    ]);
  });

  it('reverts a migration with its down section and removes its row', async () => {
    const migrations = await read({
      '0001_a.sql': migration('CREATE TABLE a (id int);', 'DROP TABLE a;'),
    });
    await applyMigrations(t.client, migrations);
    const { result, error } = await revertMigration(t.client, migrations[0]);
    expect(error).toBeUndefined();
    expect(result.status).toBe('reverted');
    expect(await tables()).toEqual(['schema_migrations']);
    expect(await readAppliedMigrations(t.client, DEFAULT_MIGRATIONS_TABLE)).toEqual([]);
  });

  it('applies lock_timeout to migration statements', async () => {
    await t.client.query('CREATE TABLE busy (id int)');
    const blocker = await t.db.client();
    await blocker.query('BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE');
    const migrations = await read({ '0001_alter.sql': migration('ALTER TABLE busy ADD COLUMN x int;') });
    const { error } = await applyMigrations(t.client, migrations, { lockTimeoutMs: 200 });
    await blocker.query('ROLLBACK');
    expect(error!.message).toMatch(/0001_alter\.sql:3: canceling statement due to lock timeout/);
  });
});
