import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireGenerateLock, LOCK_FILE } from './generate-lock';

describe('generate lock of a migrations folder', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-schema-lock-'));
    dir = join(root, 'migrations');
    mkdirSync(dir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const lockFile = () => join(dir, LOCK_FILE);

  it('holds a lock file with pid and host, and removes it on release', async () => {
    const lock = await acquireGenerateLock(dir);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    await lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes a second taker wait until the first releases, and says so once', async () => {
    const first = await acquireGenerateLock(dir);
    const waits: string[] = [];
    let secondHasIt = false;
    const second = acquireGenerateLock(dir, { pollMs: 20, onWait: (message) => waits.push(message) }).then(
      (lock) => {
        secondHasIt = true;
        return lock;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondHasIt).toBe(false);
    expect(waits).toEqual([
      expect.stringContaining(`waiting for another generate of ${dir} (pid ${process.pid} on host`),
    ]);
    await first.release();
    await (await second).release();
    expect(secondHasIt).toBe(true);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('stops after the timeout, naming the holder and the way out', async () => {
    const first = await acquireGenerateLock(dir);
    await expect(acquireGenerateLock(dir, { timeoutMs: 200, pollMs: 20 })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(
        new RegExp(
          `^Another generate of ${dir} holds ${lockFile()} \\(pid ${process.pid} on host .+ since .+\\) and did not finish within 0 s\\. ` +
            `Wait for it and run again; if no generate runs there any more, delete ${lockFile()}\\.$`,
        ),
      ),
    });
    await first.release();
  });

  it('takes over the lock of a process of this host that no longer runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const stale = {
      pid: Number(gone.stdout),
      host: hostname(),
      since: '2020-01-01T00:00:00.000Z',
      token: 'old',
    };
    writeFileSync(lockFile(), JSON.stringify(stale));
    const lock = await acquireGenerateLock(dir, { timeoutMs: 1000, pollMs: 20 });
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('never guesses that a holder on another host is gone', async () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 1, host: 'ci-runner-7', since: '2020-01-01T00:00:00.000Z', token: 't' }),
    );
    await expect(acquireGenerateLock(dir, { timeoutMs: 100, pollMs: 20 })).rejects.toThrow(
      `holds ${lockFile()} (pid 1 on host ci-runner-7 since 2020-01-01T00:00:00.000Z)`,
    );
    expect(existsSync(lockFile())).toBe(true);
  });

  it('creates a missing migrations folder for the lock and removes it again when nothing was written', async () => {
    const fresh = join(root, 'new', 'migrations');
    const lock = await acquireGenerateLock(fresh);
    expect(readdirSync(fresh)).toEqual([LOCK_FILE]);
    await lock.release();
    expect(existsSync(fresh)).toBe(false);
  });
});
