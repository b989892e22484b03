import { KubeError } from './kube-errors.js';
import type { KubeGateway } from './kube-gateway.js';
import type { PortForwardHandle } from './kube-port-forward.js';
import { pickRunningPod } from './running-pod.js';

export interface DatabaseTunnelOptions {
  gateway: KubeGateway;
  namespace: string;
  /** Label selector of the database pods, e.g. `app.kubernetes.io/name=auth-db`. */
  databaseSelector: string;
  /** The database container's port; default: the URL's port, else 5432. */
  databasePort?: number;
  /** The URL as the service sees it inside the cluster (its host is replaced). */
  databaseUrl: string;
}

export interface DatabaseTunnel {
  /** `databaseUrl` pointing at 127.0.0.1:<localPort>. Holds a password: mask before printing. */
  url: string;
  pod: string;
  localPort: number;
  /** The last port-forward failure, if a connection through the tunnel failed. */
  failure(): KubeError | undefined;
  close(): Promise<void>;
}

/** Port-forwards to a Running database pod and rewrites the URL to go through it. */
export async function openDatabaseTunnel(options: DatabaseTunnelOptions): Promise<DatabaseTunnel> {
  const { gateway, namespace } = options;
  const parsed = parseDatabaseUrl(options.databaseUrl);
  const remotePort = options.databasePort ?? (parsed.port ? Number(parsed.port) : 5432);
  const pod = await pickRunningPod(gateway, namespace, options.databaseSelector, 'database');
  const forward: PortForwardHandle = await gateway.portForward(namespace, pod.name, remotePort);
  return {
    url: rewriteDatabaseUrl(options.databaseUrl, '127.0.0.1', forward.localPort),
    pod: pod.name,
    localPort: forward.localPort,
    failure: () => forward.failure(),
    close: () => forward.close(),
  };
}

/**
 * Runs `fn` with an open tunnel and always closes it. When `fn` fails because the forward failed
 * (the database client only sees a dropped connection), the port-forward error is thrown instead,
 * with the original as its cause.
 */
export async function withDatabaseTunnel<T>(
  options: DatabaseTunnelOptions,
  fn: (tunnel: DatabaseTunnel) => Promise<T>,
): Promise<T> {
  const tunnel = await openDatabaseTunnel(options);
  try {
    return await fn(tunnel);
  } catch (error) {
    const failure = tunnel.failure();
    if (failure && failure !== error) {
      throw new KubeError(failure.code, {
        what: failure.what,
        where: failure.where,
        next: failure.next,
        cause: error,
      });
    }
    throw error;
  } finally {
    await tunnel.close();
  }
}

/**
 * Points a database URL at host:port. Drops libpq `host`/`hostaddr`/`port` query parameters that
 * would override the authority, and a SQLAlchemy driver suffix (`postgresql+asyncpg`), which the
 * local `pg` client does not understand.
 */
export function rewriteDatabaseUrl(databaseUrl: string, host: string, port: number): string {
  const url = parseDatabaseUrl(databaseUrl);
  url.hostname = host;
  url.port = String(port);
  for (const param of ['host', 'hostaddr', 'port']) url.searchParams.delete(param);
  return url.toString().replace(/^postgres(ql)?\+[a-z0-9]+:/i, 'postgresql:');
}

function parseDatabaseUrl(databaseUrl: string): URL {
  try {
    const url = new URL(databaseUrl);
    if (/^postgres(ql)?(\+[a-z0-9]+)?:$/i.test(url.protocol) && url.hostname) return url;
  } catch {
    // fall through to the error below
  }
  throw new KubeError('DATABASE_URL_INVALID', {
    // Not even a masked copy: an unparsable URL may hold its password anywhere.
    what: 'The database URL is not of the form postgres://user:password@host:port/database',
    where: 'database URL of the service',
    next: 'Fix the URL the service uses, or pass the database URL explicitly.',
  });
}
