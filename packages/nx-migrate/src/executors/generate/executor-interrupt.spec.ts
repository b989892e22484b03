import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { primaryTestServer } from '@bakery-ia/test-db';
import { killProcessTreeGraceful } from 'nx/src/native';
import { serviceWorkspace } from '../test-support/service-workspace';

const EXECUTOR = join(__dirname, '..', '..', '..', 'dist', 'executors', 'generate', 'executor.js');
const PG_SCHEMA_BIN = join(__dirname, '..', '..', '..', '..', 'pg-schema', 'bin', 'pg-schema.js');
const HOLD_POINTS = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'pg-schema',
  'test',
  'support',
  'hold-points.cjs',
);

/** The compiled executor in its own process, as Nx's run-executor runs it (exit 0/1 from its result). */
const RUNNER = `
const executor = require(process.env.EXECUTOR).default;
executor(JSON.parse(process.env.OPTIONS), JSON.parse(process.env.CONTEXT))
  .then((result) => process.exit(result.success ? 0 : 1));
`;

describe('migrate-generate executor interrupted', () => {
  let ws: ReturnType<typeof serviceWorkspace>;
  // The child's TMPDIR (shared: as root in a private checkout the binaries are copied there once).
  let tempBase: string;
  const serverFolders = () => readdirSync(tempBase).filter((name) => name.startsWith('pg-schema-embedded-'));
  beforeAll(() => {
    tempBase = mkdtempSync(join(tmpdir(), 'nx-migrate-interrupt-tmp-'));
    chmodSync(tempBase, 0o755);
  });
  afterAll(() => rmSync(tempBase, { recursive: true, force: true }));
  beforeEach(() => {
    ws = serviceWorkspace({}, 'CREATE TABLE items (id int PRIMARY KEY, name text);\n');
  });
  afterEach(() => ws.remove());

  it.each([
    { shadow: 'server', point: 'closing', signal: 'SIGINT', code: 130, how: 'to the executor' },
    { shadow: 'embedded', point: 'build', signal: 'SIGTERM', code: 143, how: 'to the executor' },
    // What Nx does when it is stopped: signal the task's process tree leaf first, wait, SIGKILL.
    { shadow: 'embedded', point: 'build', signal: 'SIGTERM', code: 143, how: 'by Nx to the process tree' },
  ] as const)('$signal $how during $point ($shadow): no file, no sum change, nothing left', async (c) => {
    const migrations = join(ws.dir, 'migrations');
    mkdirSync(migrations);
    const sleep = c.point === 'build' ? 'SELECT pg_sleep(20);\n' : '';
    writeFileSync(
      join(migrations, '0001_items.sql'),
      `-- migrate:up\nCREATE TABLE items (id int PRIMARY KEY);\n${sleep}-- migrate:down\nDROP TABLE items;\n`,
    );
    expect(spawnSync(process.execPath, [PG_SCHEMA_BIN, 'hash', '--migrations', migrations]).status).toBe(0);
    const sumBefore = readFileSync(join(migrations, 'migrations.sum'), 'utf8');
    const options =
      c.shadow === 'server' ? { name: 'more', shadowUrl: primaryTestServer().url } : { name: 'more' };
    const { MIGRATE_SHADOW_URL: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['-r', HOLD_POINTS, '-e', RUNNER], {
      cwd: ws.root,
      env: {
        ...env,
        EXECUTOR,
        OPTIONS: JSON.stringify(options),
        CONTEXT: JSON.stringify(ws.context),
        TMPDIR: tempBase,
        // The throw-away embedded server's cleanup is what the embedded cases check (the shared
        // one, PG_SCHEMA_CACHE on, has shared-embedded.spec.ts).
        ...(c.shadow === 'embedded' ? { PG_SCHEMA_CACHE: 'off' } : {}),
        PG_SCHEMA_TEST_HOLD_UNTIL_SIGNAL: c.point === 'closing' ? '1' : '0',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const marker = `[test-point] ${c.point} `;
    const deadline = Date.now() + 30_000;
    while (!stderr.includes(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const databases = (stderr.split(marker)[1] ?? '').split('\n')[0].split(',').filter(Boolean);
    expect(databases).toHaveLength(2);
    if (c.how === 'to the executor') child.kill(c.signal);
    else await killProcessTreeGraceful(child.pid!, c.signal, 10_000);
    expect(await exited).toBe(c.code);

    expect(readdirSync(migrations).sort()).toEqual(['0001_items.sql', 'migrations.sum']);
    expect(readFileSync(join(migrations, 'migrations.sum'), 'utf8')).toBe(sumBefore);
    expect(serverFolders()).toEqual([]);
    if (c.shadow === 'server') {
      const admin = new pg.Client({ connectionString: primaryTestServer().url });
      await admin.connect();
      try {
        const left = await admin.query(`SELECT datname FROM pg_database WHERE datname = ANY($1)`, [
          databases,
        ]);
        expect(left.rows).toEqual([]);
      } finally {
        await admin.end();
      }
    }
  });
});
