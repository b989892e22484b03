import { loadSqlParser, writeMigrationsSum } from '@bakery-ia/init-manager';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { planMigration } from '../generate/plan-migration';
import { isRunning, postmasterPid } from './embedded-server';
import { acquireSharedEmbedded, leasesOf } from './shared-embedded';
import { lookupUser, SERVER_USER } from './server-user';

beforeAll(() => loadSqlParser());

/** The persistent embedded server shared by the runs of one workspace (PG 18, socket only). */
describe('shared embedded server', () => {
  let root: string;
  const idleMs = 1500;
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const stopped = async (serverDir: string, pid: number) => {
    const deadline = Date.now() + 20_000;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return !isRunning(pid) && postmasterPid(join(serverDir, 'data')) === undefined;
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-schema-shared-'));
    // As root the server runs as the postgres user, which must enter the folder.
    chmodSync(root, 0o711);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is one server for runs at once, socket only, in private folders, stopped by its watchdog when idle', async () => {
    const [a, b] = await Promise.all([
      acquireSharedEmbedded({ root, idleMs }),
      acquireSharedEmbedded({ root, idleMs }),
    ]);
    expect(a.url).toBe(b.url);
    expect([a.started, b.started].filter(Boolean)).toHaveLength(1);
    expect(leasesOf(a.serverDir)).toHaveLength(2);
    expect(await query(a.url, 'SHOW listen_addresses')).toEqual([{ listen_addresses: '' }]);
    const owner = process.getuid?.() === 0 ? lookupUser(SERVER_USER)!.uid : process.getuid?.();
    expect(statSync(a.serverDir).uid).toBe(owner);
    expect(statSync(a.serverDir).mode & 0o777).toBe(0o700);
    expect(statSync(`${a.serverDir}.state`).mode & 0o777).toBe(0o700);
    expect(statSync(join(a.serverDir, 'superuser-password')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(a.serverDir, 'data', 'postgresql.conf'), 'utf8')).toContain(
      "listen_addresses = ''",
    );
    const pid = postmasterPid(join(a.serverDir, 'data'))!;
    await a.release();
    // Still in use by b: idle time passes, the server stays.
    await new Promise((resolve) => setTimeout(resolve, idleMs + 1500));
    expect(isRunning(pid)).toBe(true);
    await b.release();
    expect(await stopped(a.serverDir, pid)).toBe(true);
  });

  // A clone in a mode-700 folder as root (many containers and CI images): the server's user cannot
  // enter the workspace's cache, so the server lives in a private folder of TMPDIR.
  (process.getuid?.() === 0 ? it : it.skip)(
    'as root in a private folder, lives under TMPDIR instead (made when missing)',
    async () => {
      const privateRoot = join(root, 'private');
      mkdirSync(privateRoot, { mode: 0o700 });
      const temp = join(root, 'tmp');
      mkdirSync(temp, { mode: 0o711 });
      const run = await acquireSharedEmbedded({
        root: join(privateRoot, 'cache'),
        fallbackRoot: temp,
        idleMs,
      });
      expect(run.serverDir.startsWith(join(temp, 'pg-schema-cache-0'))).toBe(true);
      expect(await query(run.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const pid = postmasterPid(join(run.serverDir, 'data'))!;
      await run.release();
      expect(await stopped(run.serverDir, pid)).toBe(true);
    },
  );

  it('a run killed with SIGKILL leaves no server behind: its lease dies with it', async () => {
    const script = `
      const { acquireSharedEmbedded } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'shadow', 'shared-embedded.js'))});
      acquireSharedEmbedded({ root: ${JSON.stringify(root)}, idleMs: ${idleMs} }).then((s) => { console.log('READY ' + s.serverDir); setInterval(() => {}, 1000); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const serverDir = await new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /READY (.+)/.exec(chunk.toString());
        if (match) resolve(match[1].trim());
      }),
    );
    const pid = postmasterPid(join(serverDir, 'data'))!;
    expect(isRunning(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await stopped(serverDir, pid)).toBe(true);
    expect(leasesOf(serverDir)).toEqual([]);
  });

  it('keeps the data folder and the cached templates between runs: no initdb, a cache hit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-schema-shared-service-'));
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    writeFileSync(join(dir, 'models', '01.sql'), 'CREATE TABLE items (id bigint PRIMARY KEY, name text);\n');
    writeFileSync(
      join(dir, 'migrations', '0001_initial.sql'),
      '-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY);\n-- migrate:down\nDROP TABLE items;\n',
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const saved = { ...process.env };
    process.env.PG_SCHEMA_CACHE_DIR = root;
    process.env.PG_SCHEMA_SERVER_IDLE_MS = String(idleMs);
    delete process.env.PG_SCHEMA_CACHE;
    try {
      const plan = () =>
        planMigration({ modelsDir: join(dir, 'models'), migrationsDir: join(dir, 'migrations') });
      const first = await plan();
      expect(first.cache).toEqual({ replay: 'miss', models: 'miss', recorded: [] });
      const serverDir = join(
        root,
        (await import('node:fs')).readdirSync(root).find((n) => !n.endsWith('.state') && n !== 'records')!,
      );
      const pid = postmasterPid(join(serverDir, 'data'))!;
      expect(await stopped(serverDir, pid)).toBe(true);
      const again = await acquireSharedEmbedded({ root, idleMs });
      expect({ started: again.started, initialized: again.initialized }).toEqual({
        started: true,
        initialized: false,
      });
      await again.release();
      // The templates, not generate's plan or catalog records (plan-records.ts, plan-schemas.ts),
      // are what this run must find.
      rmSync(join(root, 'records'), { recursive: true, force: true });
      const second = await plan();
      expect(second.cache).toEqual({ replay: 'hit', models: 'hit', recorded: [] });
      expect(second.changes).toEqual(first.changes);
      expect(existsSync(join(serverDir, 'initialized'))).toBe(true);
      expect(await stopped(serverDir, postmasterPid(join(serverDir, 'data'))!)).toBe(true);
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
