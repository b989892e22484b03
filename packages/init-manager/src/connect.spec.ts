import { describeEachServer } from '@bakery-ia/test-db';
import { connectWithRetry } from './connect';
import { initializer, refusal } from './test-support/initialize-run';
import { migration, recordingLogger } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';
import { freePort, startTcpProxy, upstreamOf, type TcpProxy } from './test-support/tcp-proxy';

/** No password of the test URLs, and no `user:password@` form at all. */
function expectNoSecret(text: string, server: { url: string }): void {
  expect(text).not.toContain('hunter2');
  const password = new URL(server.url).password;
  if (password) expect(text).not.toContain(`:${password}@`);
  expect(text).not.toMatch(/\/\/[^\s/@]*:[^\s/@*]+@/);
}

describeEachServer('connecting while the database is not up yet', (server) => {
  const t = scratchDatabase(server, 'connect');
  let proxy: TcpProxy | undefined;
  const target = () => upstreamOf(server.url);
  /**
   * The test database through 127.0.0.1:port, with a password that must never be printed (the
   * server's own when it has one, else one that trust authentication ignores).
   */
  const urlThrough = (port: number, database = t.db.name) => {
    const url = new URL(t.db.url);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    url.password ||= 'hunter2';
    url.pathname = `/${database}`;
    return url.toString();
  };
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });
  const initialize = initializer(t, { environment: 'test' });
  const retryLines = (lines: string[]) => lines.filter((line) => line.startsWith('warn: cannot connect to'));

  it('waits for a server that starts listening later, then applies the migrations', async () => {
    const port = await freePort();
    const dir = t.folder({ '0001_initial.sql': migration('CREATE TABLE users (id int);') });
    const logger = recordingLogger();
    const starting = initialize({
      databaseUrl: urlThrough(port),
      migrationsDir: dir,
      connectDeadlineMs: 60_000,
      logger,
    });
    // The "database pod" comes up after the service started trying.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy = await startTcpProxy(port, target());
    const result = await starting;
    expect(result.mode).toBe('migrations');
    const retries = retryLines(logger.lines);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toContain(
      `cannot connect to database "${t.db.name}" on 127.0.0.1:${port} yet (attempt 1:`,
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
      expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(t.db.name);
    } finally {
      await client.end();
    }
    expect(proxy.connections).toBeGreaterThanOrEqual(4);
    expect(retryLines(logger.lines).length).toBe(3);
    expect(logger.lines.join('\n')).toContain('Connection terminated unexpectedly');
  });

  it('gives up at the deadline, naming host and database and never the password', async () => {
    const port = await freePort();
    const logger = recordingLogger();
    const { code, message } = await refusal(
      connectWithRetry(urlThrough(port), {
        service: 'auth',
        applicationName: 'connect-spec',
        deadlineMs: 1500,
        logger,
      }),
    );
    expect(code).toBe('CONNECTION_FAILED');
    expect(message).toMatch(
      new RegExp(
        `^Service "auth" cannot connect to database "${t.db.name}" on 127\\.0\\.0\\.1:${port} within 1\\.5 s \\(\\d+ attempt\\(s\\); last: .*ECONNREFUSED`,
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
    const error = await refusal(
      connectWithRetry(urlThrough(port, `${t.db.name}_missing`), {
        service: 'auth',
        applicationName: 'connect-spec',
        deadlineMs: 60_000,
        logger,
      }),
    );
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toContain(`database "${t.db.name}_missing" on 127.0.0.1:`);
    expect(error.message).toContain('(SQLSTATE 3D000). Not retried');
    expectNoSecret(error.message, server);
    expect(logger.lines).toEqual([]);
  });
});
