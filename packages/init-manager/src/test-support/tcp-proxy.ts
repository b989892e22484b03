import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A loopback port nothing listens on (yet). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TcpProxy {
  /** Connections accepted so far (cut ones included). */
  readonly connections: number;
  stop(): Promise<void>;
}

/**
 * Where the proxy forwards to: a TCP host and port, or (a host that is a folder, as the embedded
 * server's socket-only URLs spell it) the Unix socket `<folder>/.s.PGSQL.<port>`.
 */
export function upstreamOf(serverUrl: string): { host: string; port: number } {
  const url = new URL(serverUrl);
  return { host: decodeURIComponent(url.hostname), port: Number(url.port || 5432) };
}

/**
 * A real TCP proxy on 127.0.0.1:port to a Postgres server, standing in for a database that is not
 * ready yet: it listens only once started, and can cut the first `cutFirst` connections right
 * after accepting them (as a server that restarts or a proxy whose backend is down does).
 */
export function startTcpProxy(
  port: number,
  target: { host: string; port: number },
  options: { cutFirst?: number } = {},
): Promise<TcpProxy> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (connections <= (options.cutFirst ?? 0)) {
      client.destroy();
      return;
    }
    const upstream = target.host.startsWith('/')
      ? createConnection(`${target.host}/.s.PGSQL.${target.port}`)
      : createConnection(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        get connections() {
          return connections;
        },
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
