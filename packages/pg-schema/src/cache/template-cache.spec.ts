import { loadSqlParser, parseMigrationFile, writeMigrationsSum } from '@bakery-ia/init-manager';
import { adminQuery, databaseUrl, describeEachServer, testServers } from '@bakery-ia/test-db';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { comparableCatalog } from '../catalog/comparable';
import { planMigration } from '../generate/plan-migration';
import { introspectCatalog } from '../introspect/introspect';
import { replayKey, scopeOf, type BuildContext } from './cache-key';
import {
  BUILD_PREFIX,
  CACHE_PREFIX,
  SPARE_PREFIX,
  entryName,
  KEEP_PER_SCOPE,
  openCachedDatabase,
  serverFingerprint,
  SHARED_TRASH_LIMIT,
  type CachedDatabase,
  type CachedDatabaseSpec,
} from './template-cache';
import { TRASH_PREFIX, trashName } from '../shadow/background-drop';

beforeAll(() => loadSqlParser());

const context: BuildContext = { server: 'pg 18', roles: [], privileges: true, engine: 'engine 1' };
const migration = (sql: string) =>
  parseMigrationFile('0001_initial.sql', `-- migrate:up\n${sql}\n-- migrate:down\nSELECT 1;\n`).migration!;

describe('replay cache key', () => {
  it('changes with a migration file, the engine, the server and the roles', () => {
    const base = replayKey([migration('CREATE TABLE a (id int);')], context);
    expect(replayKey([migration('CREATE TABLE a (id bigint);')], context)).not.toBe(base);
    expect(replayKey([migration('CREATE TABLE a (id int);')], { ...context, engine: 'engine 2' })).not.toBe(
      base,
    );
    expect(replayKey([migration('CREATE TABLE a (id int);')], { ...context, server: 'pg 15' })).not.toBe(
      base,
    );
    expect(replayKey([migration('CREATE TABLE a (id int);')], { ...context, roles: ['api'] })).not.toBe(base);
    expect(replayKey([migration('CREATE TABLE a (id int);')], context)).toBe(base);
  });

  it('sees the server major version in the server fingerprint', async () => {
    const prints = await Promise.all(testServers().map((server) => serverFingerprint(server.url)));
    const majors = prints.map((print) => (JSON.parse(print) as { major: number }).major);
    expect(new Set(prints).size).toBe(new Set(majors).size);
  });
});

describeEachServer('replay and models cache on a shadow server', (server) => {
  let dir: string;
  const saved = { ...process.env };
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  // These tests are about the databases: the plan records (plan-records.spec.ts) are forgotten
  // before every run, so a hit always opens its copies.
  const plan = () => {
    rmSync(join(dir, 'cache', 'records'), { recursive: true, force: true });
    return planMigration({
      modelsDir: join(dir, 'models'),
      migrationsDir: join(dir, 'migrations'),
      shadowUrl: server.url,
    });
  };
  const databases = async (prefix: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY oid',
        [prefix],
      );
      return rows.map((row) => row.datname);
    } finally {
      await client.end();
    }
  };
  const scoped = async (kind: 'r' | 'm', folder: string) =>
    databases(`${CACHE_PREFIX}${kind}_${scopeOf(resolve(dir, folder))}_`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-cache-'));
    process.env.PG_SCHEMA_CACHE_DIR = join(dir, 'cache');
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    // A unique comment: a key no other test run built.
    const tag = randomBytes(6).toString('hex');
    write(
      'models/01.sql',
      `-- ${tag}\nCREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, note text);\n`,
    );
    write(
      'migrations/0001_initial.sql',
      `-- ${tag}\n-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE VIEW item_names AS SELECT name FROM items;\n\n-- migrate:down\nDROP VIEW item_names;\nDROP TABLE items;\n`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
  });
  afterEach(async () => {
    // This test's entries and spares (its folders are new each time: eviction would never see them again).
    const scopes = [scopeOf(resolve(dir, 'migrations')), scopeOf(resolve(dir, 'models'))];
    for (const name of [...(await databases(CACHE_PREFIX)), ...(await databases(SPARE_PREFIX))]) {
      if (!scopes.some((scope) => name.includes(`_${scope}_`))) continue;
      if (name.startsWith(CACHE_PREFIX)) await adminQuery(server, `ALTER DATABASE ${name} IS_TEMPLATE false`);
      await adminQuery(server, `DROP DATABASE IF EXISTS ${name}`);
    }
    rmSync(dir, { recursive: true, force: true });
    process.env = { ...saved };
  });

  it('builds once, then copies the template: the same catalogs as a fresh build', async () => {
    const first = await plan();
    expect(first.cache).toEqual({ replay: 'miss', models: 'miss', recorded: [] });
    const second = await plan();
    expect(second.cache).toEqual({ replay: 'hit', models: 'hit', recorded: [] });
    process.env.PG_SCHEMA_CACHE = 'off';
    const fresh = await plan().finally(() => delete process.env.PG_SCHEMA_CACHE);
    expect(fresh.cache).toEqual({ replay: 'off', models: 'off', recorded: [] });
    expect(comparableCatalog(second.current)).toEqual(comparableCatalog(fresh.current));
    expect(comparableCatalog(second.desired)).toEqual(comparableCatalog(fresh.desired));
    expect(second.up).toEqual(fresh.up);
    // The copies used read-only were handed back as spares: the next hit renames one, no copy.
    const spares = await databases(SPARE_PREFIX);
    expect(spares.filter((name) => name.includes(scopeOf(resolve(dir, 'migrations'))))).toHaveLength(1);
    const third = await plan();
    expect(third.cache).toEqual({ replay: 'hit', models: 'hit', recorded: [] });
    expect(comparableCatalog(third.current)).toEqual(comparableCatalog(fresh.current));
    expect(comparableCatalog(third.desired)).toEqual(comparableCatalog(fresh.desired));
    expect(await scoped('r', 'migrations')).toHaveLength(1);
    expect(await scoped('m', 'models')).toHaveLength(1);
  });

  it('a run that renames in its copies leaves the entries as the files build them', async () => {
    // The models rename the table: the plan renames it in both shadow databases (forWrites).
    write(
      'models/01.sql',
      'CREATE TABLE goods ( -- @renamed-from items\n  id bigint PRIMARY KEY,\n  name text NOT NULL\n);\nCREATE VIEW item_names AS SELECT name FROM goods;\n',
    );
    const cold = await plan();
    const warm = await plan();
    const spare = await plan();
    expect(cold.cache).toEqual({ replay: 'miss', models: 'miss', recorded: [] });
    expect(Object.keys(warm.timings)).toContain('renames');
    expect([warm.cache, spare.cache]).toEqual([
      { replay: 'hit', models: 'hit', recorded: [] },
      { replay: 'hit', models: 'hit', recorded: [] },
    ]);
    for (const run of [warm, spare]) {
      expect(run.changes).toEqual(cold.changes);
      expect(comparableCatalog(run.current)).toEqual(comparableCatalog(cold.current));
      expect(comparableCatalog(run.desired)).toEqual(comparableCatalog(cold.desired));
    }
    expect(Object.keys(cold.current.tables)).toEqual(['table:public.items']);
    // Copies that were written to are dropped, never handed back as spares.
    const spares = await databases(SPARE_PREFIX);
    expect(spares.filter((name) => name.includes(scopeOf(resolve(dir, 'migrations'))))).toEqual([]);
  });

  it('never reuses the replay of a changed migration file', async () => {
    await plan();
    write(
      'migrations/0001_initial.sql',
      `-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, note text);\n\n-- migrate:down\nDROP TABLE items;\n`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const changed = await plan();
    expect(changed.cache).toEqual({ replay: 'miss', models: 'hit', recorded: [] });
    expect(changed.empty).toBe(true);
    expect(await scoped('r', 'migrations')).toHaveLength(2);
    // Eviction keeps the newest KEEP_PER_SCOPE entries of the folder.
    for (const column of ['a', 'b']) {
      write(
        'migrations/0001_initial.sql',
        `-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, note text, ${column} int);\n\n-- migrate:down\nDROP TABLE items;\n`,
      );
      writeMigrationsSum(join(dir, 'migrations'));
      expect((await plan()).cache.replay).toBe('miss');
    }
    expect(await scoped('r', 'migrations')).toHaveLength(KEEP_PER_SCOPE);
  });

  it('evicts into the trash, dropped in the background; at once while the trash is full', async () => {
    const one = async (sql: string, value: string) => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        return (await client.query<{ value: string }>(sql, [value])).rows[0]?.value;
      } finally {
        await client.end();
      }
    };
    const oidOf = (name: string) =>
      one('SELECT oid::text AS value FROM pg_database WHERE datname = $1', name);
    const nameOf = (oid: string) => one('SELECT datname AS value FROM pg_database WHERE oid = $1::oid', oid);
    const change = async (column: string) => {
      write(
        'migrations/0001_initial.sql',
        `-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, ${column} int);\n\n-- migrate:down\nDROP TABLE items;\n`,
      );
      writeMigrationsSum(join(dir, 'migrations'));
      await plan();
    };
    await plan();
    const [oldest] = await scoped('r', 'migrations');
    const oid = (await oidOf(oldest))!;
    for (let i = 1; i < KEEP_PER_SCOPE; i++) await change(`c${i}`);
    expect(await nameOf(oid)).toBe(oldest);
    await change('evicts');
    // Gone from the entries at once, as trash (the same oid) until the detached dropper drops it.
    expect(await scoped('r', 'migrations')).toHaveLength(KEEP_PER_SCOPE);
    const deadline = Date.now() + 50_000;
    while ((await nameOf(oid)) !== undefined && Date.now() < deadline) {
      expect((await nameOf(oid))?.startsWith(TRASH_PREFIX) ?? true).toBe(true);
      await new Promise((done) => setTimeout(done, 200));
    }
    expect(await nameOf(oid)).toBeUndefined();
    // A full trash (databases someone is connected to: no dropper takes them): dropped at once.
    const [next] = await scoped('r', 'migrations');
    const nextOid = (await oidOf(next))!;
    const held: pg.Client[] = [];
    const trash = Array.from({ length: SHARED_TRASH_LIMIT }, () => trashName());
    try {
      for (const name of trash) {
        await adminQuery(server, `CREATE DATABASE ${name}`);
        const client = new pg.Client({ connectionString: databaseUrl(server.url, name) });
        await client.connect();
        held.push(client);
      }
      // Trash a killed run left (nobody connected): the eviction's dropper takes it as well.
      const stray = trashName();
      await adminQuery(server, `CREATE DATABASE ${stray}`);
      trash.push(stray);
      const strayOid = (await oidOf(stray))!;
      await change('at_once');
      expect(await nameOf(nextOid)).toBeUndefined();
      const strayDeadline = Date.now() + 50_000;
      while ((await nameOf(strayOid)) !== undefined && Date.now() < strayDeadline)
        await new Promise((done) => setTimeout(done, 200));
      expect(await nameOf(strayOid)).toBeUndefined();
    } finally {
      for (const client of held) await client.end();
      for (const name of trash) await adminQuery(server, `DROP DATABASE IF EXISTS ${name}`);
    }
  }, 120_000);

  it('starts a new migration from the replay of the ones before it: the catalog of a replay from scratch', async () => {
    await plan();
    write(
      'migrations/0002_note.sql',
      '-- migrate:up\nALTER TABLE items ADD COLUMN note text;\n\n-- migrate:down\nALTER TABLE items DROP COLUMN note;\n',
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const next = await plan();
    expect(next.cache).toEqual({ replay: 'miss', models: 'hit', replayBuiltOn: 1, recorded: [] });
    process.env.PG_SCHEMA_CACHE = 'off';
    const fresh = await plan().finally(() => delete process.env.PG_SCHEMA_CACHE);
    expect(comparableCatalog(next.current)).toEqual(comparableCatalog(fresh.current));
    expect([next.up, next.down]).toEqual([fresh.up, fresh.down]);
    // An earlier file changed: no entry holds its replay, so it is built from scratch.
    write(
      'migrations/0001_initial.sql',
      `-- changed\n${readFileSync(join(dir, 'migrations/0001_initial.sql'), 'utf8')}`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const changed = await plan();
    expect(changed.cache).toEqual({ replay: 'miss', models: 'hit', recorded: [] });
    expect(comparableCatalog(changed.current)).toEqual(comparableCatalog(fresh.current));
  });

  it('never uses a half-built entry: a build that was not published is a miss, and is cleaned up once stale', async () => {
    const spec = {
      kind: 'replay' as const,
      scope: scopeOf(dir),
      key: randomBytes(32).toString('hex'),
      label: 'current',
      enabled: true,
    };
    const shared = { url: server.url };
    // Killed mid-build: the build database stays, under a name no lookup matches.
    const killed = await openCachedDatabase(shared, spec);
    await killed.client.query('CREATE TABLE half (id int)');
    await killed.client.end();
    // An entry name that is not a finished template (datistemplate false) is not an entry.
    await adminQuery(server, `CREATE DATABASE ${entryName('replay', spec.scope, spec.key)}`);
    const again = await openCachedDatabase(shared, spec);
    expect(again.hit).toBe(false);
    await again.build(async (client) => {
      await client.query('CREATE TABLE whole (id int)');
    });
    const tables = await introspectCatalog(again.client, { schemas: ['public'] });
    expect(Object.keys(tables.tables)).toEqual(['table:public.whole']);
    await adminQuery(server, `DROP DATABASE ${entryName('replay', spec.scope, spec.key)}`);
    await again.drop();
    const third = await openCachedDatabase(shared, spec);
    try {
      expect(third.hit).toBe(true);
      const catalog = await introspectCatalog(third.client, { schemas: ['public'] });
      expect(Object.keys(catalog.tables)).toEqual(['table:public.whole']);
    } finally {
      await third.drop();
      await adminQuery(server, `DROP DATABASE IF EXISTS ${killed.name} WITH (FORCE)`);
      await adminQuery(
        server,
        `ALTER DATABASE ${entryName('replay', spec.scope, spec.key)} IS_TEMPLATE false`,
      );
      await adminQuery(server, `DROP DATABASE ${entryName('replay', spec.scope, spec.key)}`);
    }
  });

  it("never uses another role's entry, spare or base of our key: a miss, and the forgery is left alone", async () => {
    // Another role with CREATEDB can make databases of our names (keys follow from the files).
    const other = `schema_test_other_${randomBytes(4).toString('hex')}`;
    const key = randomBytes(32).toString('hex');
    const spec = { kind: 'replay' as const, scope: scopeOf(dir), key, label: 'current', enabled: true };
    const entry = entryName('replay', spec.scope, key);
    const baseKey = randomBytes(32).toString('hex');
    const base = entryName('replay', spec.scope, baseKey);
    const spare = `${SPARE_PREFIX}r_${spec.scope}_${key.slice(0, 24)}_f0f0f0`;
    const shared = { url: server.url };
    const opened: CachedDatabase[] = [];
    const open = async (options: CachedDatabaseSpec) => {
      const db = await openCachedDatabase(shared, options);
      opened.push(db);
      return db;
    };
    const tablesOf = async (db: { client: pg.Client }) =>
      Object.keys((await introspectCatalog(db.client, { schemas: ['public'] })).tables);
    /** A database of `other` holding a forged table (a template when asked), as that role would make it. */
    const plant = async (name: string, template: boolean) => {
      await adminQuery(server, `CREATE DATABASE ${name} OWNER ${other}`);
      const client = new pg.Client({ connectionString: databaseUrl(server.url, name) });
      await client.connect();
      await client.query('CREATE TABLE forged (id int)').finally(() => client.end());
      if (template)
        await adminQuery(server, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    };
    await adminQuery(server, `CREATE ROLE ${other} NOLOGIN CREATEDB`);
    try {
      await plant(entry, true);
      await plant(base, true);
      const first = await open({ ...spec, bases: () => [{ key: baseKey, count: 1 }] });
      expect([first.hit, first.builtOn]).toEqual([false, 0]);
      expect(await tablesOf(first)).toEqual([]);
      await first.build(async (client) => {
        await client.query('CREATE TABLE whole (id int)');
      });
      // Publishing under a name another role holds fails: no entry of ours, the next run builds again.
      await first.drop();
      const second = await open(spec);
      expect(second.hit).toBe(false);
      await second.drop();
      // Once the name is free, ours is published; a spare of another role beside it is not taken.
      await adminQuery(server, `ALTER DATABASE ${entry} IS_TEMPLATE false`);
      await adminQuery(server, `DROP DATABASE ${entry}`);
      const third = await open(spec);
      await third.build(async (client) => {
        await client.query('CREATE TABLE whole (id int)');
      });
      await third.drop();
      await plant(spare, false);
      const fourth = await open(spec);
      expect(fourth.hit).toBe(true);
      expect(await tablesOf(fourth)).toEqual(['table:public.whole']);
      await fourth.drop();
      expect(await databases(spare)).toEqual([spare]);
    } finally {
      // Dropping twice is a no-op: what a failed expectation left open is closed.
      for (const db of opened) await db.drop().catch(() => undefined);
      for (const name of [entry, base, spare, ...(await databases(`${SPARE_PREFIX}r_${spec.scope}_`))]) {
        await adminQuery(server, `ALTER DATABASE ${name} IS_TEMPLATE false`).catch(() => undefined);
        await adminQuery(server, `DROP DATABASE IF EXISTS ${name}`);
      }
      await adminQuery(server, `DROP ROLE ${other}`);
    }
  });

  it('is safe when two runs miss the same key at once: one entry, no build left', async () => {
    const buildsBefore = await databases(BUILD_PREFIX);
    const [a, b] = await Promise.all([plan(), plan()]);
    expect(a.empty).toBe(false);
    expect(comparableCatalog(a.current)).toEqual(comparableCatalog(b.current));
    expect(await scoped('r', 'migrations')).toHaveLength(1);
    expect(await scoped('m', 'models')).toHaveLength(1);
    expect((await databases(BUILD_PREFIX)).filter((name) => !buildsBefore.includes(name))).toEqual([]);
    expect((await plan()).cache).toEqual({ replay: 'hit', models: 'hit', recorded: [] });
  });
});
