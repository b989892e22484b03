import { connect } from 'node:net';
import pg from 'pg';
import type { FakeKubeApi } from '../../../../tools/fake-kube-api/src/index.js';
import { createKubeGateway, type KubeGateway } from './kube-gateway.js';
import { closedPort, kubeErrorOf, waitFor } from './test-support/helpers.js';
import {
  NAMESPACE,
  databasePod,
  startBakeryCluster,
  testDatabaseTarget,
} from './test-support/fake-cluster.js';

function clientFor(localPort: number): pg.Client {
  const { url } = testDatabaseTarget();
  return new pg.Client({
    host: '127.0.0.1',
    port: localPort,
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password) || undefined,
    database: url.pathname.slice(1) || 'postgres',
    connectionTimeoutMillis: 5000,
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

describe('gateway.portForward: v4 WebSocket port-forward to the real Postgres', () => {
  let fake: FakeKubeApi;
  let gateway: KubeGateway;

  beforeAll(async () => {
    fake = await startBakeryCluster();
    gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.setForbidden([]));

  it('runs a query through the tunnel, ignores the empty error-channel chunk, and closes cleanly', async () => {
    const forward = await gateway.portForward(NAMESPACE, 'auth-db-0', 5432);
    try {
      const client = clientFor(forward.localPort);
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
      expect(forward.failure()).toBeUndefined();
    } finally {
      await forward.close();
    }
    await waitFor(() => fake.activePortForwards() === 0, 'the server-side WebSocket to close');
    expect(forward.connections()).toBe(0);
    expect(await refused(forward.localPort)).toBe(true);
    await forward.close(); // a second close is harmless
  });

  it('opens one WebSocket per TCP connection', async () => {
    const forward = await gateway.portForward(NAMESPACE, 'auth-db-0', 5432);
    const clients = [
      clientFor(forward.localPort),
      clientFor(forward.localPort),
      clientFor(forward.localPort),
    ];
    try {
      await Promise.all(clients.map((c) => c.connect()));
      const pids = await Promise.all(
        clients.map(async (c) => (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid),
      );
      expect(new Set(pids).size).toBe(3);
      expect(forward.connections()).toBe(3);
      expect(fake.activePortForwards()).toBe(3);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await forward.close();
    }
    await waitFor(() => fake.activePortForwards() === 0, 'all WebSockets to close');
  });

  it('closes the local socket when the WebSocket closes (the database ended the session)', async () => {
    const forward = await gateway.portForward(NAMESPACE, 'auth-db-0', 5432);
    const client = clientFor(forward.localPort);
    const admin = new pg.Client({ connectionString: testDatabaseTarget().url.toString() });
    try {
      await client.connect();
      const ended = new Promise<void>((resolve) => client.on('end', () => resolve()));
      client.on('error', () => undefined);
      const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await waitFor(() => forward.connections() === 0, 'the local socket to close');
    } finally {
      await admin.end();
      await forward.close();
    }
  });

  it('reports what kubelet wrote on the error channel when the pod port cannot be reached', async () => {
    fake.setPod(
      databasePod({
        name: 'auth-db-broken',
        forward: { 5432: { host: '127.0.0.1', port: await closedPort() } },
      }),
    );
    const forward = await gateway.portForward(NAMESPACE, 'auth-db-broken', 5432);
    try {
      const client = clientFor(forward.localPort);
      client.on('error', () => undefined);
      await expect(client.connect()).rejects.toThrow();
      await waitFor(() => forward.failure() !== undefined, 'the failure to be recorded');
      const failure = forward.failure()!;
      expect(failure.code).toBe('PORT_FORWARD_FAILED');
      expect(failure.message).toContain('error forwarding port 5432 to pod auth-db-broken');
      await waitFor(() => forward.connections() === 0, 'the local socket to close');
    } finally {
      await forward.close();
    }
  });

  it('records FORBIDDEN when the user may not create pods/portforward', async () => {
    fake.setForbidden([{ verb: 'create', resource: 'pods/portforward' }]);
    const forward = await gateway.portForward(NAMESPACE, 'auth-db-0', 5432);
    try {
      const client = clientFor(forward.localPort);
      client.on('error', () => undefined);
      await expect(client.connect()).rejects.toThrow();
      await waitFor(() => forward.failure() !== undefined, 'the failure to be recorded');
      expect(forward.failure()!.code).toBe('FORBIDDEN');
      expect(forward.failure()!.what).toContain(
        `create pods/portforward "auth-db-0" in namespace "${NAMESPACE}"`,
      );
    } finally {
      await forward.close();
    }
  });

  it('fails before listening when the pod does not exist or is not Running', async () => {
    const missing = await kubeErrorOf(gateway.portForward(NAMESPACE, 'auth-db-9', 5432));
    expect(missing.code).toBe('POD_NOT_FOUND');
    expect(missing.message).toContain('"auth-db-9"');
    fake.setPod(databasePod({ name: 'auth-db-starting', phase: 'Pending' }));
    const pending = await kubeErrorOf(gateway.portForward(NAMESPACE, 'auth-db-starting', 5432));
    expect(pending.code).toBe('NO_RUNNING_POD');
    expect(pending.message).toContain('Pending');
  });
});
