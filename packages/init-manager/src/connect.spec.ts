import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { connectWithRetry } from './connect';
import { InitManagerError } from './errors';
import { initializeServiceDatabase } from './initialize';
import type { Logger } from './logger';
import { migration, migrationsFolder, removeFolder } from './test-support/migrations-fixture';
import { freePort, startTcpProxy, upstreamOf, type TcpProxy } from './test-support/tcp-proxy';

/** A logger that keeps what it is given. */
/** No password of the test URLs, and no `user:password@` form at all. */
function expectNoSecret(text: string, server: { url: string }): void {
  expect(text).not.toContain('hunter2');
  const password = new URL(server.url).password;
  if (password) expect(text).not.toContain(`:${password}@`);
  expect(text).not.toMatch(/\/\/[^\s/@]*:[^\s/@*]+@/);
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

describeEachServer('connecting while the database is not up yet', (server) => {
  let db: TestDatabase;
  let proxy: TcpProxy | undefined;
  const folders: string[] = [];
  const target = () => upstreamOf(server.url);
  /**
   * The test database through 127.0.0.1:port, with a password that must never be printed (the
   * server's own when it has one, else one that trust authentication ignores).
   */
  const urlThrough = (port: number, database = db.name) => {
    const url = new URL(db.url);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    url.password ||= 'hunter2';
    url.pathname = `/${database}`;
    return url.toString();
  };
  beforeEach(async () => {
    db = await createTestDatabase(server, 'connect');
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
    await db.drop();
    folders.splice(0).forEach(removeFolder);
  });

  it('waits for a server that starts listening later, then applies the migrations', async () => {
    const port = await freePort();
    const dir = migrationsFolder({ '0001_initial.sql': migration('CREATE TABLE users (id int);') });
    folders.push(dir);
    const logger = recordingLogger();
    const starting = initializeServiceDatabase({
      service: 'auth',
      databaseUrl: urlThrough(port),
      migrationsDir: dir,
      environment: 'test',
      connectDeadlineMs: 60_000,
      logger,
    });
    // The "database pod" comes up after the service started trying.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy = await startTcpProxy(port, target());
    const result = await starting;
    expect(result.mode).toBe('migrations');
    const retries = logger.lines.filter((line) => line.startsWith('cannot connect to'));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toContain(
      `cannot connect to database "${db.name}" on 127.0.0.1:${port} yet (attempt 1:`,
    );
    expect(retries[0]).toContain('ECONNREFUSED');
    expectNoSecret(logger.lines.join('\n'), server);
  });

  it('retries a server that cuts the first connections', async () => {
    const port = await freePort();
    proxy = await startTcpProxy(port, target(), { cutFirst: 3 });
    const logger = recordingLogger();
    const client = await connectWithRetry(urlThrough(port), {
      service: 'auth',
      applicationName: 'connect-spec',
      deadlineMs: 60_000,
      logger,
    });
    try {
      expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(db.name);
    } finally {
      await client.end();
    }
    expect(proxy.connections).toBeGreaterThanOrEqual(4);
    expect(logger.lines.filter((line) => line.startsWith('cannot connect to')).length).toBe(3);
    expect(logger.lines.join('\n')).toContain('Connection terminated unexpectedly');
  });

  it('gives up at the deadline, naming host and database and never the password', async () => {
    const port = await freePort();
    const logger = recordingLogger();
    const error = await connectWithRetry(urlThrough(port), {
      service: 'auth',
      applicationName: 'connect-spec',
      deadlineMs: 1500,
      logger,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InitManagerError);
    const { code, message } = error as InitManagerError;
    expect(code).toBe('CONNECTION_FAILED');
    expect(message).toMatch(
      new RegExp(
        `^Service "auth" cannot connect to database "${db.name}" on 127\\.0\\.0\\.1:${port} within 1\\.5 s \\(\\d+ attempt\\(s\\); last: .*ECONNREFUSED`,
      ),
    );
    expect(message).toContain('raise connectDeadlineMs');
    expectNoSecret(message, server);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('does not retry what waiting cannot fix: a database that does not exist', async () => {
    // Through the proxy, so the message names 127.0.0.1 whatever the server's own address is.
    const port = await freePort();
    proxy = await startTcpProxy(port, target());
    const logger = recordingLogger();
    const error = await connectWithRetry(urlThrough(port, `${db.name}_missing`), {
      service: 'auth',
      applicationName: 'connect-spec',
      deadlineMs: 60_000,
      logger,
    }).then(
      () => undefined,
      (e: unknown) => e as InitManagerError,
    );
    expect(error?.code).toBe('CONNECTION_FAILED');
    expect(error?.message).toContain(`database "${db.name}_missing" on 127.0.0.1:`);
    expect(error?.message).toContain('(SQLSTATE 3D000). Not retried');
    expectNoSecret(error?.message ?? '', server);
    expect(logger.lines).toEqual([]);
  });
});
