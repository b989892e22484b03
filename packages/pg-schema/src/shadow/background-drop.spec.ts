import { describeEachServer } from '@bakery-ia/test-db';
import pg from 'pg';
import { TRASH_PREFIX } from './background-drop';
import { createShadowDatabase } from './shadow-database';

describeEachServer('shadow databases dropped in the background', (server) => {
  const names = async (like: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [like],
      );
      return rows.map((row) => row.datname);
    } finally {
      await client.end();
    }
  };

  const byOid = async (oid: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE oid = $1',
        [oid],
      );
      return rows.map((row) => row.datname);
    } finally {
      await client.end();
    }
  };

  it('renames the database away at once, and a detached process drops it', async () => {
    const db = await createShadowDatabase({ url: server.url, private: true }, 'trash_test');
    await db.client.query('CREATE TABLE t (id int)');
    const oid = (
      await db.client.query<{ oid: string }>('SELECT oid FROM pg_database WHERE datname = current_database()')
    ).rows[0].oid;
    await db.drop();
    expect(await names(db.name)).toEqual([]);
    // Renamed to trash (the same database: the same oid), then dropped by the detached process.
    const [renamed] = await byOid(oid);
    expect(renamed?.startsWith(TRASH_PREFIX)).toBe(true);
    const deadline = Date.now() + 50_000;
    while ((await byOid(oid)).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await byOid(oid)).toEqual([]);
  });
});
