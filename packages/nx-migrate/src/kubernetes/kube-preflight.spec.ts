import type { FakeKubeApi } from '../../../../tools/fake-kube-api/src/index.js';
import { createKubeGateway, type KubeGateway } from './kube-gateway.js';
import { runKubePreflight } from './kube-preflight.js';
import { closedPort } from './test-support/helpers.js';
import {
  DATABASE_SELECTOR,
  NAMESPACE,
  SERVICE_SELECTOR,
  databasePod,
  servicePod,
  startBakeryCluster,
} from './test-support/fake-cluster.js';

describe('runKubePreflight', () => {
  let fake: FakeKubeApi;
  let gateway: KubeGateway;
  const run = (g: KubeGateway = gateway, namespace = NAMESPACE) =>
    runKubePreflight({
      gateway: g,
      namespace,
      serviceSelector: SERVICE_SELECTOR,
      databaseSelector: DATABASE_SELECTOR,
    });
  const byName = async (g?: KubeGateway, ns?: string) =>
    Object.fromEntries((await run(g, ns)).map((c) => [c.name, [c.status, c.detail]]));

  beforeAll(async () => {
    fake = await startBakeryCluster();
    gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.setPod(servicePod());
    fake.setPod(databasePod());
    fake.removePod(NAMESPACE, 'auth-service-2');
    fake.setForbidden([]);
  });

  it('all ok: version, namespace with its environment label, pod counts', async () => {
    const checks = await run();
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['kubernetes cluster', 'ok'],
      ['kubernetes namespace', 'ok'],
      ['service pods', 'ok'],
      ['database pod', 'ok'],
    ]);
    expect(checks[0].detail).toContain('Kubernetes v1.31.4');
    expect(checks[0].detail).toContain(fake.url);
    expect(checks[1].detail).toBe(`namespace "${NAMESPACE}" exists (environment: development)`);
    expect(checks[2].detail).toContain('1 of 1 pods Running');
    expect(checks[3].detail).toContain('auth-db-0');
  });

  it('counts Running service pods and flags Pending ones', async () => {
    fake.setPod(servicePod({ name: 'auth-service-2', phase: 'Pending' }));
    expect((await byName())['service pods']).toEqual(['ok', expect.stringContaining('1 of 2 pods Running')]);
    fake.setPod(servicePod({ phase: 'Pending' }));
    expect((await byName())['service pods']).toEqual([
      'warning',
      expect.stringContaining('0 of 2 pods Running (2 Pending)'),
    ]);
  });

  it('warns when Running pods are not ready yet', async () => {
    fake.setPod(databasePod({ ready: false }));
    expect((await byName())['database pod']).toEqual(['warning', expect.stringContaining('none ready yet')]);
  });

  it('fails the database check when no pod matches', async () => {
    fake.removePod(NAMESPACE, 'auth-db-0');
    expect((await byName())['database pod']).toEqual([
      'failure',
      `no pod matches "${DATABASE_SELECTOR}" in namespace "${NAMESPACE}"`,
    ]);
  });

  it('a missing namespace fails and skips the pod checks', async () => {
    const checks = await byName(gateway, 'bakery-typo');
    expect(checks['kubernetes namespace']).toEqual(['failure', 'namespace "bakery-typo" does not exist']);
    expect(checks['service pods']).toEqual([
      'warning',
      'not checked: namespace "bakery-typo" is not available',
    ]);
  });

  it('an unreachable cluster fails the first check and skips the rest', async () => {
    const dead = createKubeGateway({
      kubeconfig: await fake.writeKubeconfig({ server: `https://127.0.0.1:${await closedPort()}` }),
    });
    const checks = await run(dead);
    expect(checks.map((c) => c.status)).toEqual(['failure', 'warning', 'warning', 'warning']);
    expect(checks[0].detail).toContain('Cannot reach the Kubernetes API server (ECONNREFUSED)');
  });

  it('a forbidden list shows the RBAC message in the check', async () => {
    fake.setForbidden([{ verb: 'list', resource: 'pods' }]);
    const checks = await byName();
    expect(checks['service pods'][0]).toBe('failure');
    expect(checks['service pods'][1]).toContain('Not allowed to list pods');
  });
});
