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
    const before = new Set(await names(`${TRASH_PREFIX}%`));
    const db = await createShadowDatabase({ url: server.url }, 'trash_test');
    await db.client.query('CREATE TABLE t (id int)');
    await db.drop();
    expect(await names(db.name)).toEqual([]);
    // Ours is among the trash that appeared meanwhile (other suites make trash too).
    const ours = (await names(`${TRASH_PREFIX}%`)).filter((name) => !before.has(name));
    const deadline = Date.now() + 50_000;
    let left = ours;
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = new Set(await names(`${TRASH_PREFIX}%`));
      left = left.filter((name) => now.has(name));
    }
    expect(left).toEqual([]);
  });
});
