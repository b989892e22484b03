import { primaryTestServer } from '@bakery-ia/test-db';
import {
  startFakeKubeApi,
  type FakeKubeApi,
  type FakeKubeApiOptions,
  type FakePod,
} from '../../../../../tools/fake-kube-api/src/index.js';

export const NAMESPACE = 'bakery';
export const TOKEN = 'test-token-3f9a1c';
export const SERVICE_SELECTOR = 'app.kubernetes.io/name=auth';
export const DATABASE_SELECTOR = 'app.kubernetes.io/name=auth-db';
export const DB_PASSWORD = 'pa55-w0rd-in-secret';

/**
 * Where the fake database pod's port 5432 really goes: the run's Postgres server (its socket
 * folder when it is the embedded one, which has no TCP port).
 */
export function testDatabaseTarget(): { host: string; port: number; url: URL } {
  const url = new URL(primaryTestServer().url);
  return { host: decodeURIComponent(url.hostname), port: Number(url.port || 5432), url };
}

/** The URL as the service sees it inside the cluster: the real credentials, a cluster host name. */
export function inClusterDatabaseUrl(): string {
  const { url } = testDatabaseTarget();
  const inCluster = new URL(url.toString());
  inCluster.hostname = 'auth-db-service.bakery.svc.cluster.local';
  inCluster.port = '5432';
  // A password to prove messages mask it; trust auth (the local test server) ignores it.
  if (!inCluster.password) inCluster.password = DB_PASSWORD;
  return inCluster.toString();
}

export function servicePod(overrides: Partial<FakePod> = {}): FakePod {
  return {
    name: 'auth-service-7d9f-x2k4',
    namespace: NAMESPACE,
    labels: { 'app.kubernetes.io/name': 'auth', 'app.kubernetes.io/component': 'api' },
    containers: [
      {
        name: 'auth-service',
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          {
            name: 'DATABASE_URL',
            valueFrom: { secretKeyRef: { name: 'auth-db-secret', key: 'DATABASE_URL' } },
          },
        ],
        ports: [8000],
      },
    ],
    ...overrides,
  };
}

export function databasePod(overrides: Partial<FakePod> = {}): FakePod {
  const { host, port } = testDatabaseTarget();
  return {
    name: 'auth-db-0',
    namespace: NAMESPACE,
    labels: { 'app.kubernetes.io/name': 'auth-db' },
    containers: [{ name: 'postgres', image: 'postgres:17-alpine', ports: [5432] }],
    forward: { 5432: { host, port } },
    ...overrides,
  };
}

/** A small bakery cluster: the auth service, its database and the secret with its URL. */
export function bakeryCluster(overrides: FakeKubeApiOptions = {}): FakeKubeApiOptions {
  return {
    https: true,
    token: TOKEN,
    namespaces: [{ name: NAMESPACE, labels: { environment: 'development' } }, 'kube-system'],
    pods: [servicePod(), databasePod()],
    secrets: [
      {
        name: 'auth-db-secret',
        namespace: NAMESPACE,
        data: { DATABASE_URL: inClusterDatabaseUrl(), POSTGRES_PASSWORD: DB_PASSWORD },
      },
    ],
    ...overrides,
  };
}

export async function startBakeryCluster(overrides: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  return startFakeKubeApi(bakeryCluster(overrides));
}
