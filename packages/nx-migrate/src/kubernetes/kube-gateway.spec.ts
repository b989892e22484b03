import { startFakeKubeApi, type FakeKubeApi } from '../../../../tools/fake-kube-api/src/index.js';
import { createKubeGateway, type KubeGateway } from './kube-gateway.js';
import { closedPort, kubeErrorOf } from './test-support/helpers.js';
import {
  DB_PASSWORD,
  NAMESPACE,
  SERVICE_SELECTOR,
  TOKEN,
  servicePod,
  startBakeryCluster,
} from './test-support/fake-cluster.js';

describe('kube gateway: the real client against the fake API server over https', () => {
  let fake: FakeKubeApi;
  let gateway: KubeGateway;

  beforeAll(async () => {
    fake = await startBakeryCluster();
    fake.setPod(servicePod({ name: 'auth-service-pending', phase: 'Pending' }));
    fake.setPod(
      servicePod({
        name: 'auth-worker-1',
        labels: { 'app.kubernetes.io/name': 'auth', 'app.kubernetes.io/component': 'worker' },
      }),
    );
    gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.setForbidden([]);
    fake.setResponseDelay(0);
  });

  it('verifies the server with certificate-authority-data and reads the version', async () => {
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.kubeconfigYaml).toContain('certificate-authority-data:');
    expect(fake.kubeconfigYaml).not.toContain('insecure-skip-tls-verify');
    expect(await gateway.version()).toEqual({
      gitVersion: 'v1.31.4',
      major: '1',
      minor: '31',
      platform: 'linux/amd64',
    });
    expect(gateway.target).toEqual({ context: 'fake-kube-api', server: fake.url });
  });

  it('sends the bearer token of the kubeconfig', async () => {
    await gateway.version();
    expect(fake.requests.at(-1)).toMatchObject({ path: '/version', status: 200 });
  });

  it('reads a namespace with its labels; a missing one is exists: false', async () => {
    const ns = await gateway.readNamespace(NAMESPACE);
    expect(ns.exists).toBe(true);
    expect(ns.labels).toMatchObject({ environment: 'development', 'kubernetes.io/metadata.name': NAMESPACE });
    expect(await gateway.readNamespace('nowhere')).toEqual({ name: 'nowhere', exists: false, labels: {} });
  });

  it('lists pods by label selector with phase, readiness and container env', async () => {
    const pods = await gateway.listPods(NAMESPACE, SERVICE_SELECTOR);
    expect(pods.map((p) => [p.name, p.phase, p.ready])).toEqual([
      ['auth-service-7d9f-x2k4', 'Running', true],
      ['auth-service-pending', 'Pending', false],
      ['auth-worker-1', 'Running', true],
    ]);
    expect(pods[0].containers[0]).toEqual({
      name: 'auth-service',
      env: [
        { name: 'LOG_LEVEL', value: 'info' },
        {
          name: 'DATABASE_URL',
          secretKeyRef: { name: 'auth-db-secret', key: 'DATABASE_URL', optional: false },
        },
      ],
      envFrom: [],
      ports: [8000],
    });
  });

  it('narrows by several equality terms and by field selector', async () => {
    const api = await gateway.listPods(NAMESPACE, `${SERVICE_SELECTOR},app.kubernetes.io/component=api`);
    expect(api.map((p) => p.name)).toEqual(['auth-service-7d9f-x2k4', 'auth-service-pending']);
    const running = await gateway.listPods(NAMESPACE, SERVICE_SELECTOR, {
      fieldSelector: 'status.phase=Running',
    });
    expect(running.map((p) => p.name)).toEqual(['auth-service-7d9f-x2k4', 'auth-worker-1']);
    expect(await gateway.listPods('nowhere', SERVICE_SELECTOR)).toEqual([]);
  });

  it('reads and decodes one key of a secret', async () => {
    expect(await gateway.readSecretKey(NAMESPACE, 'auth-db-secret', 'POSTGRES_PASSWORD')).toBe(DB_PASSWORD);
  });

  it('SECRET_NOT_FOUND names the secret and the namespace', async () => {
    const error = await kubeErrorOf(gateway.readSecretKey(NAMESPACE, 'no-such-secret', 'x'));
    expect(error.code).toBe('SECRET_NOT_FOUND');
    expect(error.message).toContain('"no-such-secret"');
    expect(error.message).toContain(`namespace "${NAMESPACE}"`);
  });

  it('SECRET_KEY_NOT_FOUND lists the key names, never the values', async () => {
    const error = await kubeErrorOf(gateway.readSecretKey(NAMESPACE, 'auth-db-secret', 'PASSWORD'));
    expect(error.code).toBe('SECRET_KEY_NOT_FOUND');
    expect(error.message).toContain('DATABASE_URL, POSTGRES_PASSWORD');
    expect(error.message).not.toContain(DB_PASSWORD);
  });

  it('FORBIDDEN says which verb on which resource in which namespace', async () => {
    fake.setForbidden([{ verb: 'get', resource: 'secrets', namespace: NAMESPACE }]);
    const error = await kubeErrorOf(gateway.readSecretKey(NAMESPACE, 'auth-db-secret', 'DATABASE_URL'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.what).toContain(`Not allowed to get secrets "auth-db-secret" in namespace "${NAMESPACE}"`);
    // The server's own Status message names the user.
    expect(error.what).toContain('cannot get resource "secrets"');
    expect(error.next).toContain('"get" on "secrets"');
  });

  it('FORBIDDEN on listing pods and on reading the namespace', async () => {
    fake.setForbidden([{ verb: 'list', resource: 'pods' }, { resource: 'namespaces' }]);
    const list = await kubeErrorOf(gateway.listPods(NAMESPACE, SERVICE_SELECTOR));
    expect(list.code).toBe('FORBIDDEN');
    expect(list.what).toContain('list pods');
    const ns = await kubeErrorOf(gateway.readNamespace(NAMESPACE));
    expect(ns.code).toBe('FORBIDDEN');
    expect(ns.what).toContain(`get namespaces "${NAMESPACE}"`);
  });

  it('UNAUTHORIZED with a wrong token or none, and the token is never printed', async () => {
    const wrong = createKubeGateway({ kubeconfig: await fake.writeKubeconfig({ token: 'wrong-token-81x' }) });
    const error = await kubeErrorOf(wrong.version());
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).not.toContain('wrong-token-81x');
    expect(error.message).not.toContain(TOKEN);
    const none = createKubeGateway({ kubeconfig: await fake.writeKubeconfig({ token: undefined }) });
    expect((await kubeErrorOf(none.readNamespace(NAMESPACE))).code).toBe('UNAUTHORIZED');
  });

  it('CLUSTER_UNREACHABLE when nothing listens (ECONNREFUSED)', async () => {
    const port = await closedPort();
    const dead = createKubeGateway({
      kubeconfig: await fake.writeKubeconfig({ server: `https://127.0.0.1:${port}` }),
    });
    const error = await kubeErrorOf(dead.version());
    expect(error.code).toBe('CLUSTER_UNREACHABLE');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(`https://127.0.0.1:${port}`);
  });

  it('CLUSTER_UNREACHABLE when the server does not answer in time', async () => {
    fake.setResponseDelay(3000);
    const slow = createKubeGateway({ kubeconfig: fake.kubeconfigPath, timeoutMs: 200 });
    const started = Date.now();
    const error = await kubeErrorOf(slow.readNamespace(NAMESPACE));
    expect(error.code).toBe('CLUSTER_UNREACHABLE');
    expect(error.message).toContain('did not answer in time');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('CLUSTER_UNREACHABLE with a certificate hint when the CA is not in the kubeconfig', async () => {
    const noCa = createKubeGateway({ kubeconfig: await fake.writeKubeconfig({ caPem: undefined }) });
    const error = await kubeErrorOf(noCa.version());
    expect(error.code).toBe('CLUSTER_UNREACHABLE');
    expect(error.message).toMatch(/certificate/i);
  });
});

describe('kube gateway over plain http (insecure-skip-tls-verify)', () => {
  it('reads through an http server when the kubeconfig allows it', async () => {
    const fake = await startFakeKubeApi({ https: false, namespaces: ['default'] });
    try {
      expect(fake.kubeconfigYaml).toContain('insecure-skip-tls-verify: true');
      const gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
      expect((await gateway.version()).gitVersion).toBe('v1.31.4');
      expect((await gateway.readNamespace('default')).exists).toBe(true);
    } finally {
      await fake.stop();
    }
  });
});
