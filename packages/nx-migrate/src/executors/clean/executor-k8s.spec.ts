import { createTestDatabase, primaryTestServer, type TestDatabase } from '@bakery-ia/test-db';
import type { FakeKubeApi } from '../../../../../tools/fake-kube-api/src/index.js';
import { bakeryCluster, inClusterDatabaseUrl, NAMESPACE } from '../../kubernetes/test-support/fake-cluster';
import { startFakeKubeApi } from '../../../../../tools/fake-kube-api/src/index.js';
import type { Terminal } from '../../clean/confirm';
import { captureConsole, serviceWorkspace } from '../test-support/service-workspace';
import cleanExecutor from './executor';

const noTerminal: Terminal = { isInteractive: false, ask: async () => '' };
const KUBE_CONFIG = {
  schemas: ['public'],
  kubernetes: {
    namespace: NAMESPACE,
    serviceSelector: 'app.kubernetes.io/name=auth',
    databaseSelector: 'app.kubernetes.io/name=auth-db',
    databaseUrlEnv: 'DATABASE_URL',
  },
};

/**
 * migrate-clean --k8s end to end: the real Kubernetes client against the fake API server, the
 * database URL read from the service pod's Secret, reached through a port-forward to Postgres.
 */
describe('migrate-clean --k8s', () => {
  let db: TestDatabase;
  let cluster: FakeKubeApi;
  let ws: ReturnType<typeof serviceWorkspace>;
  const start = async (namespaceLabels: Record<string, string>) => {
    const url = new URL(inClusterDatabaseUrl());
    url.pathname = `/${db.name}`;
    const options = bakeryCluster();
    cluster = await startFakeKubeApi({
      ...options,
      namespaces: [{ name: NAMESPACE, labels: namespaceLabels }],
      secrets: [{ name: 'auth-db-secret', namespace: NAMESPACE, data: { DATABASE_URL: url.toString() } }],
    });
  };
  beforeEach(async () => {
    db = await createTestDatabase(primaryTestServer(), 'k8sclean');
    await (await db.client()).query('CREATE TABLE orders (id int); CREATE VIEW v AS SELECT id FROM orders;');
    ws = serviceWorkspace(KUBE_CONFIG);
  });
  afterEach(async () => {
    await cluster?.stop();
    await db.drop();
    ws.remove();
  });
  const tables = async () =>
    Number(
      (
        await (
          await db.client()
        ).query(`SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`)
      ).rows[0].n,
    );

  it('cleans the database the service pod uses, through a port-forward, after a pre-flight', async () => {
    await start({ environment: 'development' });
    const { result, output } = await captureConsole(() =>
      cleanExecutor({ k8s: true, kubeconfig: cluster.kubeconfigPath, yes: true }, ws.context, noTerminal),
    );
    expect(output).toMatch(/ok\s+kubernetes cluster\s+reachable/);
    expect(output).toMatch(/ok\s+service pods/);
    expect(output).toMatch(/ok\s+database\s+database "k8sclean_\w+" on 127\.0\.0\.1:\d+ answers/);
    expect(output).toContain(`via pod auth-db-0 in namespace ${NAMESPACE}`);
    expect(output).toContain(
      '(environment: development, from label environment=development of namespace bakery)',
    );
    expect(output).not.toContain('pa55-w0rd-in-secret');
    expect(result.success).toBe(true);
    expect(await tables()).toBe(0);
    expect(cluster.activePortForwards()).toBe(0);
  });

  it('refuses a namespace labelled production', async () => {
    await start({ environment: 'production' });
    const { result, output } = await captureConsole(() =>
      cleanExecutor({ k8s: true, kubeconfig: cluster.kubeconfigPath, yes: true }, ws.context, noTerminal),
    );
    expect(result.success).toBe(false);
    expect(output).toContain(
      'the target is production (from label environment=production of namespace bakery)',
    );
    expect(await tables()).toBeGreaterThan(0);
  });

  it('stops at the pre-flight when the namespace is missing, touching nothing', async () => {
    await start({ environment: 'development' });
    ws.remove();
    ws = serviceWorkspace({
      ...KUBE_CONFIG,
      kubernetes: { ...KUBE_CONFIG.kubernetes, namespace: 'nowhere' },
    });
    const { result, output } = await captureConsole(() =>
      cleanExecutor({ k8s: true, kubeconfig: cluster.kubeconfigPath, yes: true }, ws.context, noTerminal),
    );
    expect(result.success).toBe(false);
    expect(output).toMatch(/FAILED\s+kubernetes namespace\s+namespace "nowhere" does not exist/);
    expect(output).toContain('A pre-flight check failed: nothing was done.');
    expect(await tables()).toBeGreaterThan(0);
  });
});
