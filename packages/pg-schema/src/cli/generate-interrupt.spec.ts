import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { primaryTestServer } from '@bakery-ia/test-db';

const BIN = join(__dirname, '..', '..', 'bin', 'pg-schema.js');
const HOLD_POINTS = join(__dirname, '..', '..', 'test', 'support', 'hold-points.cjs');

type Point = 'build' | 'closing' | 'lock';
interface Case {
  shadow: 'server' | 'embedded';
  point: Point;
  signal: NodeJS.Signals;
  /** Signal the child's whole process group, as a terminal's Ctrl-C does (the embedded server too). */
  group?: boolean;
}

const CASES: Case[] = [
  { shadow: 'server', point: 'build', signal: 'SIGINT' },
  { shadow: 'server', point: 'closing', signal: 'SIGTERM' },
  { shadow: 'server', point: 'lock', signal: 'SIGINT' },
  { shadow: 'embedded', point: 'build', signal: 'SIGINT', group: true },
  { shadow: 'embedded', point: 'closing', signal: 'SIGTERM' },
  { shadow: 'embedded', point: 'closing', signal: 'SIGINT' },
];
const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Lines of a child's stderr as they come, so a test can wait for one. */
function watchStderr(child: ChildProcess): { text: () => string; until: (needle: string) => Promise<void> } {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    text: () => text,
    until: async (needle) => {
      const deadline = Date.now() + 30_000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no "${needle}" from the child; its stderr:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Processes whose command line mentions `text` (an embedded server left running). */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/**
 * Ctrl-C (or SIGTERM) at several points of `pg-schema generate`: no migration file, migrations.sum
 * unchanged, no lock or temp file, every shadow database dropped and the embedded server's folder
 * removed, exit 130/143.
 */
describe('pg-schema generate interrupted', () => {
  let dir: string;
  let tempBase: string;
  let admin: pg.Client;
  // The children's TMPDIR: their embedded server folders must be gone afterwards. Shared by the
  // cases, so that as root in a private checkout the binaries are copied there once.
  const serverFolders = () => readdirSync(tempBase).filter((name) => name.startsWith('pg-schema-embedded-'));
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: primaryTestServer().url });
    await admin.connect();
    tempBase = mkdtempSync(join(tmpdir(), 'pg-schema-interrupt-tmp-'));
    chmodSync(tempBase, 0o755);
  });
  afterAll(async () => {
    await admin.end();
    rmSync(tempBase, { recursive: true, force: true });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-interrupt-'));
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)('$signal during $point ($shadow): nothing written, nothing left', async (c) => {
    const sleep = c.point === 'build' ? 'SELECT pg_sleep(20);\n' : '';
    writeFileSync(
      join(dir, 'migrations', '0001_items.sql'),
      `-- migrate:up\nCREATE TABLE items (id int PRIMARY KEY);\n${sleep}-- migrate:down\nDROP TABLE items;\n`,
    );
    expect(
      spawnSync(process.execPath, [BIN, 'hash', '--migrations', 'migrations'], { cwd: dir }).status,
    ).toBe(0);
    writeFileSync(join(dir, 'models', '01.sql'), 'CREATE TABLE items (id int PRIMARY KEY, name text);\n');
    const sumBefore = readFileSync(join(dir, 'migrations', 'migrations.sum'), 'utf8');
    if (c.point === 'lock') {
      // A generate of this folder in progress (this test process: alive, on this host).
      writeFileSync(
        join(dir, 'migrations', '.pg-schema-generate.lock'),
        JSON.stringify({
          pid: process.pid,
          host: hostname(),
          since: new Date().toISOString(),
          token: 'test',
        }),
      );
    }
    const shadow = c.shadow === 'server' ? ['--shadow-url', primaryTestServer().url] : [];
    const child = spawn(
      process.execPath,
      [
        '-r',
        HOLD_POINTS,
        BIN,
        'generate',
        '--models',
        'models',
        '--migrations',
        'migrations',
        '--name',
        'more',
        ...shadow,
      ],
      {
        cwd: dir,
        detached: c.group === true,
        env: {
          ...process.env,
          TMPDIR: tempBase,
          // The throw-away embedded server's cleanup is what the embedded cases check (the shared
          // one, PG_SCHEMA_CACHE on, has shared-embedded.spec.ts).
          ...(c.shadow === 'embedded' ? { PG_SCHEMA_CACHE: 'off' } : {}),
          // A cache folder of its own: a catalog record of an earlier run's models would leave
          // that side's database unopened (generate/plan-schemas.ts), and both are checked here.
          PG_SCHEMA_CACHE_DIR: join(dir, 'cache'),
          PG_SCHEMA_TEST_HOLD_UNTIL_SIGNAL: c.point === 'closing' ? '1' : '0',
        },
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stderr = watchStderr(child);
    const marker = c.point === 'lock' ? 'waiting for another generate' : `[test-point] ${c.point} `;
    await stderr.until(marker);
    // The child's shadow databases, as its preload saw them connect (both exist by then).
    const databases =
      c.point === 'lock'
        ? []
        : (stderr.text().split(marker)[1].split('\n')[0] ?? '').split(',').filter(Boolean);
    if (c.point !== 'lock') expect(databases).toHaveLength(2);
    if (c.shadow === 'server' && databases.length > 0) {
      const present = await admin.query(`SELECT datname FROM pg_database WHERE datname = ANY($1)`, [
        databases,
      ]);
      expect(present.rows).toHaveLength(2);
    }
    if (c.shadow === 'embedded') expect(serverFolders()).toHaveLength(1);
    if (c.group) process.kill(-child.pid!, c.signal);
    else child.kill(c.signal);
    expect(await exited).toBe(EXIT_CODES[c.signal]);
    expect(stderr.text()).toContain(`pg-schema: ${c.signal} received`);

    const expectedFiles = [
      '0001_items.sql',
      'migrations.sum',
      ...(c.point === 'lock' ? ['.pg-schema-generate.lock'] : []),
    ];
    expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(expectedFiles.sort());
    expect(readFileSync(join(dir, 'migrations', 'migrations.sum'), 'utf8')).toBe(sumBefore);
    if (c.shadow === 'server' && databases.length > 0) {
      const left = await admin.query(`SELECT datname FROM pg_database WHERE datname = ANY($1)`, [databases]);
      expect(left.rows).toEqual([]);
    }
    expect(serverFolders()).toEqual([]);
    expect(processesMentioning(`${tempBase}/pg-schema-embedded-`)).toEqual([]);
  });
});
