import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachServer } from '@bakery-ia/test-db';
import { applyMigrations, revertMigration } from './applier';
import { InitManagerError } from './errors';
import { readMigrations } from './read-migrations';
import { migration, recordingLogger, steppedMigration } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

/** What the generator writes for an existing table: four steps, the second outside a transaction. */
const ONLINE = steppedMigration({
  up: [
    [
      "SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;\n" +
        'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
    ],
    ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_key ON orders (code);', false],
    ["SET LOCAL lock_timeout = '5s';\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;"],
    [
      "SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD CONSTRAINT orders_code_unique UNIQUE USING INDEX orders_code_key;\n" +
        'ALTER TABLE orders ALTER COLUMN code SET NOT NULL;',
    ],
  ],
  down: [
    [
      'ALTER TABLE orders DROP CONSTRAINT orders_code_unique;\nALTER TABLE orders ALTER COLUMN code DROP NOT NULL;',
    ],
    ['ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;\nALTER TABLE orders DROP COLUMN note;'],
  ],
});

const BASE = migration(
  'CREATE TABLE customers (id int PRIMARY KEY);\n' +
    'CREATE TABLE orders (id int PRIMARY KEY, customer_id int, code text);\n' +
    "INSERT INTO customers VALUES (1), (2);\nINSERT INTO orders VALUES (1, 1, 'a'), (2, 2, 'b');",
  'DROP TABLE orders; DROP TABLE customers;',
);

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describeEachServer('multi-step migrations', (server) => {
  const t = scratchDatabase(server, 'steps');
  const { one, read } = t;
  const progressRows = async () =>
    (await one(`SELECT to_regclass('public.schema_migrations_progress') AS t`)).t === null
      ? undefined
      : (
          await t.client.query(
            'SELECT version, direction, step, steps FROM schema_migrations_progress ORDER BY step',
          )
        ).rows;
  const versions = async () =>
    (await t.client.query('SELECT version FROM schema_migrations ORDER BY 1')).rows.map((row) => row.version);

  it('applies every step, records the migration once and leaves no progress table', async () => {
    const migrations = await read({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    const { error } = await applyMigrations(t.client, migrations);
    expect(error).toBeUndefined();
    expect(await versions()).toEqual(['0001', '0002']);
    expect(await progressRows()).toBeUndefined();
    expect(await one(`SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_fk'`)).toEqual({
      convalidated: true,
    });
    expect(await one(`SELECT contype FROM pg_constraint WHERE conname = 'orders_code_unique'`)).toEqual({
      contype: 'u',
    });
  });

  it('resumes at the failed step: the steps before are not run again', async () => {
    const migrations = await read({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    await applyMigrations(t.client, [migrations[0]]);
    await t.client.query('INSERT INTO orders VALUES (3, 99, $1)', ['c']); // no customer 99: VALIDATE fails
    const failed = await applyMigrations(t.client, [migrations[1]]);
    expect(failed.results.map((r) => r.status)).toEqual(['failed']);
    expect(failed.error!.message).toMatch(
      new RegExp(
        `^0002_online\\.sql:${lineOf(ONLINE, 'ALTER TABLE orders VALIDATE')}: insert or update on table "orders" violates foreign key constraint "orders_customer_fk" \\(SQLSTATE 23503\\)`,
      ),
    );
    expect(failed.error!.message).toContain(
      'Up step 3 of 4 rolled back (it runs in one transaction); steps 1-2 stay applied and are recorded in public.schema_migrations_progress, so the next start resumes at step 3.',
    );
    expect(await progressRows()).toEqual([
      { version: '0002', direction: 'up', step: 1, steps: 4 },
      { version: '0002', direction: 'up', step: 2, steps: 4 },
    ]);
    expect(await versions()).toEqual(['0001']);

    await t.client.query('INSERT INTO customers VALUES (99)');
    const logger = recordingLogger();
    // ADD COLUMN note (step 1) would fail if it ran again.
    const resumed = await applyMigrations(t.client, [migrations[1]], { logger });
    expect(resumed.error).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(
      /resuming 0002_online\.sql at up step 3 of 4: step\(s\) 1-2 completed before/,
    );
    expect(await versions()).toEqual(['0001', '0002']);
    expect(await progressRows()).toBeUndefined();
    expect(
      Number((await one(`SELECT duration_ms FROM schema_migrations WHERE version = '0002'`)).duration_ms),
    ).toBeGreaterThanOrEqual(0);
  });

  it('resumes a transaction:false step from its start, rebuilding the index a failed build left INVALID', async () => {
    const migrations = await read({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    await applyMigrations(t.client, [migrations[0]]);
    await t.client.query(`UPDATE orders SET code = 'a'`); // duplicates: the unique build fails
    const failed = await applyMigrations(t.client, [migrations[1]]);
    expect(failed.error!.message).toMatch(
      /^0002_online\.sql:\d+: could not create unique index "orders_code_key"/,
    );
    expect(failed.error!.message).toContain(
      'Up step 2 of 4 runs outside a transaction (transaction:false): its statements before this one stay applied, and step 1 stays applied and is recorded in public.schema_migrations_progress, so the next start resumes at step 2. The next start runs this step again from its first statement',
    );
    expect(
      await one(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_code_key'::regclass`),
    ).toEqual({
      indisvalid: false,
    });
    await t.client.query(`UPDATE orders SET code = id::text`);
    const logger = recordingLogger();
    const resumed = await applyMigrations(t.client, [migrations[1]], { logger });
    expect(resumed.error).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(
      /warn: 0002_online\.sql:\d+: index public\.orders_code_key is INVALID .*dropping it \(DROP INDEX CONCURRENTLY\) and building it again/,
    );
    expect(await one(`SELECT contype FROM pg_constraint WHERE conname = 'orders_code_unique'`)).toEqual({
      contype: 'u',
    });
  });

  it('refuses to resume after the file changed, and resumes once the change is accepted', async () => {
    const dir = t.folder({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    const migrations = await readMigrations(dir);
    await applyMigrations(t.client, [migrations[0]]);
    await t.client.query(`INSERT INTO orders VALUES (3, 99, 'c')`);
    await applyMigrations(t.client, [migrations[1]]);
    writeFileSync(join(dir, '0002_online.sql'), ONLINE.replace('-- test migration', '-- edited migration'));
    const edited = (await readMigrations(dir))[1];
    const refused = await applyMigrations(t.client, [edited]);
    expect(refused.error).toBeInstanceOf(InitManagerError);
    expect(refused.error!.code).toBe('PARTIAL_MIGRATION_CHANGED');
    expect(refused.error!.message).toContain(
      'Migration 0002_online.sql was changed after up step(s) 1-2 of it ran on this database',
    );
    const accept =
      /UPDATE public\.schema_migrations_progress SET checksum = '[^']+' WHERE version = '0002';/.exec(
        refused.error!.message,
      );
    expect(accept).not.toBeNull();
    expect(await progressRows()).toHaveLength(2);

    await t.client.query(accept![0]);
    await t.client.query('INSERT INTO customers VALUES (99)');
    expect((await applyMigrations(t.client, [edited])).error).toBeUndefined();
    expect(await versions()).toEqual(['0001', '0002']);
  });

  it('reverts with several down steps, and resumes a revert stopped part way', async () => {
    const migrations = await read({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    await applyMigrations(t.client, migrations);
    await t.client.query('CREATE VIEW order_notes AS SELECT note FROM orders'); // DROP COLUMN note fails
    const stopped = await revertMigration(t.client, migrations[1]);
    expect(stopped.result.status).toBe('failed');
    expect(stopped.error!.message).toMatch(/^0002_online\.sql:\d+: cannot drop column note of table orders/);
    expect(await progressRows()).toEqual([{ version: '0002', direction: 'down', step: 1, steps: 2 }]);
    await t.client.query('DROP VIEW order_notes');
    // DROP CONSTRAINT orders_code_unique (down step 1) would fail if it ran again.
    const { result, error } = await revertMigration(t.client, migrations[1]);
    expect(error).toBeUndefined();
    expect(result.status).toBe('reverted');
    expect(await versions()).toEqual(['0001']);
    expect(await progressRows()).toBeUndefined();
    expect(
      await one(
        `SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'note'`,
      ),
    ).toEqual({ n: 0 });
  });

  it('writes no bookkeeping with record: false', async () => {
    const migrations = await read({ '0001_base.sql': BASE, '0002_online.sql': ONLINE });
    const { error } = await applyMigrations(t.client, migrations, { record: false });
    expect(error).toBeUndefined();
    expect((await one(`SELECT to_regclass('public.schema_migrations') AS t`)).t).toBeNull();
    expect(await progressRows()).toBeUndefined();
  });

  it('keeps a migration of one step exactly as before (no progress table, same advice)', async () => {
    const migrations = await read({
      '0001_a.sql': migration('CREATE TABLE a (id int);\nINSERT INTO a VALUES (1/0);'),
    });
    const { error } = await applyMigrations(t.client, migrations);
    expect(error!.message).toBe(
      '0001_a.sql:4: division by zero (SQLSTATE 22012)\n  Nothing of this migration was applied (it runs in one transaction). Fix the statement, then start again.',
    );
    expect(await progressRows()).toBeUndefined();
  });
});
