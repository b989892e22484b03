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

  it('renames the database away at once, and a detached process drops it', async () => {
    const db = await createShadowDatabase({ url: server.url }, 'trash_test');
    await db.client.query('CREATE TABLE t (id int)');
    await db.drop();
    expect(await names(db.name)).toEqual([]);
    const deadline = Date.now() + 60_000;
    let left = await names(`${TRASH_PREFIX}%`);
    // Other suites make trash too: wait until none is left from before this check (ours included).
    const ours = new Set(left);
    while ([...ours].some((name) => left.includes(name)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = await names(`${TRASH_PREFIX}%`);
    }
    expect(left.filter((name) => ours.has(name))).toEqual([]);
  });
});
