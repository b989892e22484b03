import { connect } from 'node:net';
import pg from 'pg';
import type { FakeKubeApi } from '../../../../tools/fake-kube-api/src/index.js';
import { openDatabaseTunnel, rewriteDatabaseUrl, withDatabaseTunnel } from './database-tunnel.js';
import { KubeError } from './kube-errors.js';
import { createKubeGateway, type KubeGateway } from './kube-gateway.js';
import { resolveDatabaseUrl } from './resolve-database-url.js';
import { closedPort, kubeErrorOf, waitFor } from './test-support/helpers.js';
import {
  DATABASE_SELECTOR,
  DB_PASSWORD,
  NAMESPACE,
  SERVICE_SELECTOR,
  databasePod,
  startBakeryCluster,
} from './test-support/fake-cluster.js';

describe('rewriteDatabaseUrl', () => {
  it('points the URL at the tunnel and keeps credentials, database and options', () => {
    expect(
      rewriteDatabaseUrl(
        'postgresql://auth:s3cr%40t@auth-db-service:5432/auth_db?sslmode=disable',
        '127.0.0.1',
        40001,
      ),
    ).toBe('postgresql://auth:s3cr%40t@127.0.0.1:40001/auth_db?sslmode=disable');
  });

  it('drops a SQLAlchemy driver suffix and libpq host/port parameters', () => {
    expect(rewriteDatabaseUrl('postgresql+asyncpg://u:p@db/x?host=/tmp&port=6543', '127.0.0.1', 5)).toBe(
      'postgresql://u:p@127.0.0.1:5/x',
    );
  });

  it('rejects what is not a database URL without echoing it', () => {
    const error = (() => {
      try {
        rewriteDatabaseUrl('host=db password=hunter2', '127.0.0.1', 1);
      } catch (e) {
        return e as KubeError;
      }
      throw new Error('expected an error');
    })();
    expect(error.code).toBe('DATABASE_URL_INVALID');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('database tunnel: resolve the URL from the pod, port-forward, query with pg', () => {
  let fake: FakeKubeApi;
  let gateway: KubeGateway;

  beforeAll(async () => {
    fake = await startBakeryCluster();
    gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.setPod(databasePod()));

  const options = async () => ({
    gateway,
    namespace: NAMESPACE,
    databaseSelector: DATABASE_SELECTOR,
    databaseUrl: (await resolveDatabaseUrl({ gateway, namespace: NAMESPACE, podSelector: SERVICE_SELECTOR }))
      .url,
  });

  it('serves a pg.Pool with 3 concurrent connections, then closes everything', async () => {
    const tunnel = await openDatabaseTunnel(await options());
    expect(tunnel.pod).toBe('auth-db-0');
    expect(tunnel.url).toMatch(new RegExp(`^postgres(ql)?://[^@]+@127\\.0\\.0\\.1:${tunnel.localPort}/`));
    expect(tunnel.url).toContain(DB_PASSWORD);
    const pool = new pg.Pool({ connectionString: tunnel.url, max: 3 });
    try {
      const rows = await Promise.all(
        [1, 2, 3].map(
          async (n) =>
            (await pool.query('SELECT $1::int AS n, pg_backend_pid() AS pid, pg_sleep(0.2)', [n])).rows[0],
        ),
      );
      expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
      expect(new Set(rows.map((r) => r.pid)).size).toBe(3);
      expect(fake.activePortForwards()).toBe(3);
    } finally {
      await pool.end();
      await tunnel.close();
    }
    await waitFor(() => fake.activePortForwards() === 0, 'the tunnel to close on the server side');
  });

  it('withDatabaseTunnel returns the result and closes the tunnel', async () => {
    let localPort = 0;
    const database = await withDatabaseTunnel(await options(), async (tunnel) => {
      localPort = tunnel.localPort;
      const client = new pg.Client({ connectionString: tunnel.url });
      await client.connect();
      try {
        return (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
      } finally {
        await client.end();
      }
    });
    expect(database).toBeTruthy();
    expect(await refusedAt(localPort)).toBe(true);
  });

  it('withDatabaseTunnel closes the tunnel when the callback throws', async () => {
    let localPort = 0;
    await expect(
      withDatabaseTunnel(await options(), async (tunnel) => {
        localPort = tunnel.localPort;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await refusedAt(localPort)).toBe(true);
  });

  it('withDatabaseTunnel turns a dropped connection into the port-forward error', async () => {
    fake.setPod(databasePod({ forward: { 5432: { host: '127.0.0.1', port: await closedPort() } } }));
    // The error frame arrives before the WebSocket closes, so the failure is known when pg fails.
    const error = await kubeErrorOf(
      withDatabaseTunnel(await options(), async (tunnel) => {
        const client = new pg.Client({ connectionString: tunnel.url });
        client.on('error', () => undefined);
        await client.connect();
      }),
    );
    expect(error.code).toBe('PORT_FORWARD_FAILED');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('NO_RUNNING_POD when the database pod is not Running, or nothing matches', async () => {
    fake.setPod(databasePod({ phase: 'Pending' }));
    const pending = await kubeErrorOf(openDatabaseTunnel(await options()));
    expect(pending.code).toBe('NO_RUNNING_POD');
    expect(pending.message).toContain('1 Pending');
    const none = await kubeErrorOf(
      openDatabaseTunnel({ ...(await options()), databaseSelector: 'app=none' }),
    );
    expect(none.code).toBe('NO_RUNNING_POD');
    expect(none.message).toContain('No pod matches the database selector "app=none"');
  });
});

function refusedAt(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}
