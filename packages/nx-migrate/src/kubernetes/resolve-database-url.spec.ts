import type { FakeKubeApi, FakePod } from '../../../../tools/fake-kube-api/src/index.js';
import { createKubeGateway, type KubeGateway } from './kube-gateway.js';
import { resolveDatabaseUrl } from './resolve-database-url.js';
import { kubeErrorOf } from './test-support/helpers.js';
import {
  DB_PASSWORD,
  NAMESPACE,
  SERVICE_SELECTOR,
  inClusterDatabaseUrl,
  servicePod,
  startBakeryCluster,
} from './test-support/fake-cluster.js';

describe('resolveDatabaseUrl: the URL the service itself uses, read from its Running pod', () => {
  let fake: FakeKubeApi;
  let gateway: KubeGateway;
  const resolve = (
    extra: { container?: string; envVar?: string; podSelector?: string; namespace?: string } = {},
  ) => resolveDatabaseUrl({ gateway, namespace: NAMESPACE, podSelector: SERVICE_SELECTOR, ...extra });
  const withContainers = (containers: FakePod['containers'], extra: Partial<FakePod> = {}) =>
    fake.setPod(servicePod({ containers, ...extra }));

  beforeAll(async () => {
    fake = await startBakeryCluster();
    fake.setSecret({
      name: 'auth-db-parts',
      namespace: NAMESPACE,
      data: { DB_USER: 'auth', DB_PASSWORD, AUTH_DATABASE_URL: 'postgresql://from-env-from@db/auth' },
    });
    gateway = createKubeGateway({ kubeconfig: fake.kubeconfigPath });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.setPod(servicePod());
    fake.removePod(NAMESPACE, 'auth-service-old');
  });

  it('follows a secretKeyRef to the Secret', async () => {
    expect(await resolve()).toEqual({
      url: inClusterDatabaseUrl(),
      pod: 'auth-service-7d9f-x2k4',
      container: 'auth-service',
      source: 'secret "auth-db-secret" key "DATABASE_URL"',
    });
  });

  it('reads a plain value, from the container that defines it', async () => {
    withContainers([
      { name: 'istio-proxy', env: [{ name: 'ISTIO_META', value: 'x' }] },
      {
        name: 'auth-service',
        env: [{ name: 'DATABASE_URL', value: 'postgresql://auth:pw@auth-db:5432/auth' }],
      },
    ]);
    expect(await resolve()).toMatchObject({
      url: 'postgresql://auth:pw@auth-db:5432/auth',
      container: 'auth-service',
      source: 'env value',
    });
  });

  it('expands $(VAR) references to earlier variables, including secret ones', async () => {
    withContainers([
      {
        name: 'auth-service',
        env: [
          { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'auth-db-parts', key: 'DB_USER' } } },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'auth-db-parts', key: 'DB_PASSWORD' } } },
          { name: 'DATABASE_URL', value: 'postgresql://$(DB_USER):$(DB_PASSWORD)@auth-db:5432/auth' },
        ],
      },
    ]);
    expect((await resolve()).url).toBe(`postgresql://auth:${DB_PASSWORD}@auth-db:5432/auth`);
  });

  it('reads a variable that comes from envFrom secretRef with a prefix', async () => {
    withContainers([
      { name: 'auth-service', envFrom: [{ secretRef: { name: 'auth-db-parts' }, prefix: 'AUTH_' }] },
    ]);
    expect(await resolve({ envVar: 'AUTH_AUTH_DATABASE_URL' })).toMatchObject({
      url: 'postgresql://from-env-from@db/auth',
      source: 'secret "auth-db-parts" key "AUTH_DATABASE_URL" (envFrom)',
    });
  });

  it('uses the named container, and says which containers exist when it is missing', async () => {
    withContainers([
      { name: 'migrator', env: [{ name: 'DATABASE_URL', value: 'postgresql://m@db/m' }] },
      { name: 'auth-service', env: [{ name: 'DATABASE_URL', value: 'postgresql://a@db/a' }] },
    ]);
    expect((await resolve({ container: 'auth-service' })).url).toBe('postgresql://a@db/a');
    const error = await kubeErrorOf(resolve({ container: 'api' }));
    expect(error.code).toBe('CONTAINER_NOT_FOUND');
    expect(error.message).toContain('migrator, auth-service');
  });

  it('prefers a Running, ready pod', async () => {
    fake.setPod(servicePod({ name: 'auth-service-7d9f-x2k4', ready: false }));
    fake.setPod(
      servicePod({
        name: 'auth-service-old',
        containers: [
          { name: 'auth-service', env: [{ name: 'DATABASE_URL', value: 'postgresql://ready@db/a' }] },
        ],
      }),
    );
    expect(await resolve()).toMatchObject({ pod: 'auth-service-old', url: 'postgresql://ready@db/a' });
  });

  it('ENV_VAR_NOT_FOUND names the variable, container and pod', async () => {
    const error = await kubeErrorOf(resolve({ envVar: 'AUTH_DB_URL' }));
    expect(error.code).toBe('ENV_VAR_NOT_FOUND');
    expect(error.message).toContain('AUTH_DB_URL');
    expect(error.message).toContain('"auth-service"');
    expect(error.message).toContain('pod "auth-service-7d9f-x2k4"');
  });

  it('ENV_VAR_UNSUPPORTED for a ConfigMap source, which is not read', async () => {
    withContainers([
      {
        name: 'auth-service',
        env: [{ name: 'DATABASE_URL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'url' } } }],
      },
    ]);
    const error = await kubeErrorOf(resolve());
    expect(error.code).toBe('ENV_VAR_UNSUPPORTED');
    expect(error.message).toContain('configMapKeyRef');
  });

  it('SECRET_NOT_FOUND and SECRET_KEY_NOT_FOUND, never printing secret values', async () => {
    withContainers([
      {
        name: 'auth-service',
        env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'gone', key: 'url' } } }],
      },
    ]);
    const missing = await kubeErrorOf(resolve());
    expect(missing.code).toBe('SECRET_NOT_FOUND');
    expect(missing.message).toContain('"gone"');

    withContainers([
      {
        name: 'auth-service',
        env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'auth-db-parts', key: 'URL' } } }],
      },
    ]);
    const noKey = await kubeErrorOf(resolve());
    expect(noKey.code).toBe('SECRET_KEY_NOT_FOUND');
    expect(noKey.message).toContain('DB_USER, DB_PASSWORD, AUTH_DATABASE_URL');
    expect(noKey.message).not.toContain(DB_PASSWORD);
  });

  it('an optional secretKeyRef that is missing reads as unset', async () => {
    withContainers([
      {
        name: 'auth-service',
        env: [
          { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'gone', key: 'url', optional: true } } },
        ],
      },
    ]);
    expect((await kubeErrorOf(resolve())).code).toBe('ENV_VAR_NOT_FOUND');
  });

  it("reads a Pending pod's spec (a failing init container must not block a clean); says when no pod matches or the namespace is missing", async () => {
    fake.setPod(servicePod({ phase: 'Pending' }));
    const pending = await resolve();
    expect(pending.pod).toBe('auth-service-7d9f-x2k4');

    const nothing = await kubeErrorOf(resolve({ podSelector: 'app=nothing' }));
    expect(nothing.code).toBe('NO_RUNNING_POD');
    expect(nothing.message).toContain('No pod matches the service selector "app=nothing"');

    const noNamespace = await kubeErrorOf(resolve({ namespace: 'bakery-typo' }));
    expect(noNamespace.code).toBe('NAMESPACE_NOT_FOUND');
    expect(noNamespace.message).toContain('"bakery-typo"');
  });
});
