import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import { portForwardFailed, toKubeError, type KubeCall, type KubeError } from './kube-errors.js';

export interface PortForwardHandle {
  /** The 127.0.0.1 port that leads to the pod's port. */
  localPort: number;
  /** Local connections currently open. */
  connections(): number;
  /** The last failure of a forwarded connection (refused upgrade, error channel), if any. */
  failure(): KubeError | undefined;
  /** Closes the listener, every local socket and every WebSocket; safe to call twice. */
  close(): Promise<void>;
}

/** The part of the WebSocket the client hands back that we use. */
interface ForwardSocket {
  close(): void;
  terminate?(): void;
  on(event: 'close' | 'error', listener: () => void): unknown;
}

export interface StartPortForwardOptions {
  kubeConfig: KubeConfig;
  call: KubeCall;
  namespace: string;
  pod: string;
  remotePort: number;
}

/**
 * Listens on a free 127.0.0.1 port and opens one WebSocket to the pod's portforward subresource
 * per accepted TCP connection (the client supports one stream per WebSocket). Works around two
 * client quirks: it does not close the local socket when the WebSocket closes, and it writes a
 * zero-length chunk to the error stream after stripping the port prefix.
 */
export async function startPortForward(options: StartPortForwardOptions): Promise<PortForwardHandle> {
  const { kubeConfig, call, namespace, pod, remotePort } = options;
  const forwarder = new PortForward(kubeConfig);
  const sockets = new Set<Socket>();
  const webSockets = new Set<ForwardSocket>();
  let lastFailure: KubeError | undefined;
  let closing: Promise<void> | undefined;

  const forward = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    const errors = errorChannel((text) => {
      lastFailure = portForwardFailed(call, text);
    });
    forwarder
      .portForward(namespace, pod, [remotePort], socket, errors, socket)
      .then((result) => {
        // With retryCount 0 the client returns the WebSocket itself.
        const ws = (typeof result === 'function' ? result() : result) as ForwardSocket | null;
        if (!ws) return socket.destroy();
        if (closing || socket.destroyed) return shut(ws);
        webSockets.add(ws);
        ws.on('close', () => {
          webSockets.delete(ws);
          socket.end();
        });
        ws.on('error', () => socket.destroy());
        socket.on('close', () => ws.close());
      })
      .catch((error: unknown) => {
        lastFailure = toKubeError(error, call);
        socket.destroy();
      });
  };

  const server = createServer(forward);
  await listen(server);
  const address = server.address();
  const localPort = typeof address === 'object' && address ? address.port : 0;
  return {
    localPort,
    connections: () => sockets.size,
    failure: () => lastFailure,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of webSockets) shut(ws);
        webSockets.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}

/** Drops the connection at once; a close handshake could outlive close(). */
function shut(ws: ForwardSocket): void {
  if (ws.terminate) ws.terminate();
  else ws.close();
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The error stream: kubelet writes a message there when it cannot reach the pod's port. */
function errorChannel(onMessage: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8').trim();
      if (text.length > 0) onMessage(text);
      callback();
    },
  });
}
