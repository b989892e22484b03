import { request } from 'node:https';
import { startFakeKubeApi, type FakeKubeApi } from './index';

/** Raw HTTP, to check the wire shapes the client relies on. */
async function get(api: FakeKubeApi, path: string, init: { token?: string; method?: string } = {}) {
  const headers: Record<string, string> = init.token ? { authorization: `Bearer ${init.token}` } : {};
  const response = await fetch(`${api.url}${path}`, { method: init.method ?? 'GET', headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('fake Kubernetes API server (http)', () => {
  let api: FakeKubeApi;

  beforeAll(async () => {
    api = await startFakeKubeApi({
      token: 'abc',
      user: 'jane',
      namespaces: [{ name: 'bakery', labels: { environment: 'production' } }],
      pods: [
        { name: 'a', namespace: 'bakery', labels: { app: 'auth' }, containers: [{ name: 'c' }] },
        {
          name: 'b',
          namespace: 'bakery',
          labels: { app: 'auth' },
          phase: 'Pending',
          containers: [{ name: 'c' }],
        },
      ],
      secrets: [{ name: 's', namespace: 'bakery', data: { url: 'postgres://x' } }],
      forbidden: [{ verb: 'get', resource: 'secrets', name: 'locked' }],
    });
  });
  afterAll(() => api.stop());

  it('serves the version and a namespace with its labels', async () => {
    expect((await get(api, '/version', { token: 'abc' })).body).toMatchObject({
      gitVersion: 'v1.31.4',
      major: '1',
    });
    const ns = await get(api, '/api/v1/namespaces/bakery', { token: 'abc' });
    expect(ns.body).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'bakery', labels: { environment: 'production' } },
    });
  });

  it('filters pods by label and field selectors', async () => {
    const list = await get(
      api,
      '/api/v1/namespaces/bakery/pods?labelSelector=app%3Dauth&fieldSelector=status.phase%3DRunning',
      {
        token: 'abc',
      },
    );
    expect((list.body.items as { metadata: { name: string } }[]).map((p) => p.metadata.name)).toEqual(['a']);
    const bad = await get(api, '/api/v1/namespaces/bakery/pods?fieldSelector=spec.foo%3Dx', { token: 'abc' });
    expect(bad).toMatchObject({ status: 400, body: { kind: 'Status', reason: 'BadRequest' } });
  });

  it('sends secret data base64-encoded', async () => {
    const secret = await get(api, '/api/v1/namespaces/bakery/secrets/s', { token: 'abc' });
    expect(secret.body.data).toEqual({ url: Buffer.from('postgres://x').toString('base64') });
  });

  it('answers failures with Status objects', async () => {
    expect(await get(api, '/api/v1/namespaces/bakery/secrets/nope', { token: 'abc' })).toEqual({
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'secrets "nope" not found',
        reason: 'NotFound',
        details: { name: 'nope', kind: 'secrets' },
        code: 404,
      },
    });
    expect(await get(api, '/version')).toMatchObject({
      status: 401,
      body: { reason: 'Unauthorized', code: 401 },
    });
    expect(await get(api, '/version', { token: 'wrong' })).toMatchObject({ status: 401 });
    expect(await get(api, '/api/v1/namespaces/bakery/secrets/locked', { token: 'abc' })).toMatchObject({
      status: 403,
      body: {
        reason: 'Forbidden',
        message:
          'secrets "locked" is forbidden: User "jane" cannot get resource "secrets" in API group "" in the namespace "bakery"',
      },
    });
    expect(
      await get(api, '/api/v1/namespaces/bakery/pods', { token: 'abc', method: 'DELETE' }),
    ).toMatchObject({ status: 405 });
    expect(await get(api, '/apis/apps/v1/deployments', { token: 'abc' })).toMatchObject({ status: 404 });
    expect(
      await get(api, '/api/v1/namespaces/bakery/pods/a/portforward?ports=1', { token: 'abc' }),
    ).toMatchObject({
      status: 400,
      body: { message: 'Upgrade request required' },
    });
  });

  it('records requests as RBAC sees them', async () => {
    await get(api, '/api/v1/namespaces/bakery/pods', { token: 'abc' });
    expect(api.requests.at(-1)).toMatchObject({
      verb: 'list',
      resource: 'pods',
      namespace: 'bakery',
      status: 200,
    });
  });

  it('writes a kubeconfig for the server (loaded by the real client in the nx-migrate specs)', () => {
    expect(api.kubeconfigYaml).toContain(`server: "${api.url}"`);
    expect(api.kubeconfigYaml).toContain('insecure-skip-tls-verify: true');
    expect(api.kubeconfigYaml).toContain('token: "abc"');
    expect(api.kubeconfigYaml).toContain('current-context: "fake-kube-api"');
  });
});

describe('fake Kubernetes API server (https)', () => {
  it('presents a certificate for 127.0.0.1 signed by the CA in its kubeconfig', async () => {
    const api = await startFakeKubeApi({ https: true });
    try {
      const caData = /certificate-authority-data: "([^"]+)"/.exec(api.kubeconfigYaml)![1];
      const ca = Buffer.from(caData, 'base64').toString('utf8');
      expect(ca).toBe(api.caPem);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${api.url}/version`, { ca }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ gitVersion: 'v1.31.4' });
    } finally {
      await api.stop();
    }
  });
});
