import { connect, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { FakePod } from './types';
import { podUid } from './resources';

/** kubelet's WebSocket port-forward protocol: first byte = channel, 0 data and 1 error per port. */
export const V4_CHANNEL_PROTOCOL = 'v4.channel.k8s.io';
const DATA_CHANNEL = 0;
const ERROR_CHANNEL = 1;

interface Session {
  ws: WebSocket;
  tcp?: Socket;
}

export interface PortForwarder {
  /** Completes the WebSocket upgrade and pipes it to the pod's configured TCP target. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, pod: FakePod, port: number): void;
  /** Open WebSocket sessions (each with at most one TCP connection). */
  active(): number;
  closeAll(): void;
}

export function createPortForwarder(): PortForwarder {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(V4_CHANNEL_PROTOCOL) ? V4_CHANNEL_PROTOCOL : false),
  });
  const sessions = new Set<Session>();
  return {
    accept(request, socket, head, pod, port) {
      wss.handleUpgrade(request, socket, head, (ws) => {
        const session: Session = { ws };
        sessions.add(session);
        ws.on('close', () => sessions.delete(session));
        runSession(session, pod, port);
      });
    },
    active: () => sessions.size,
    closeAll() {
      for (const session of sessions) {
        session.tcp?.destroy();
        session.ws.terminate();
      }
      sessions.clear();
      wss.close();
    },
  };
}

/** One WebSocket = one TCP connection to the target, as kubelet does for each stream pair. */
function runSession(session: Session, pod: FakePod, port: number): void {
  const { ws } = session;
  // The first frame on each channel is the port, little-endian (the client strips it).
  ws.send(Buffer.from([DATA_CHANNEL, port & 0xff, (port >> 8) & 0xff]));
  ws.send(Buffer.from([ERROR_CHANNEL, port & 0xff, (port >> 8) & 0xff]));
  const fail = (reason: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    const text = `error forwarding port ${port} to pod ${pod.name}, uid ${podUid(pod)}: ${reason}`;
    ws.send(Buffer.concat([Buffer.from([ERROR_CHANNEL]), Buffer.from(text, 'utf8')]));
    ws.close();
  };
  const target = pod.forward?.[port];
  if (!target) {
    fail(`failed to connect to localhost:${port} inside namespace "${pod.namespace}": connection refused`);
    return;
  }
  const tcp = target.host.startsWith('/')
    ? connect({ path: `${target.host}/.s.PGSQL.${target.port}` })
    : connect({ host: target.host, port: target.port });
  session.tcp = tcp;
  tcp.on('data', (chunk: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([DATA_CHANNEL]), chunk]));
  });
  tcp.on('error', (error) => fail(error.message));
  tcp.on('close', () => ws.close());
  ws.on('message', (data: RawData) => {
    const frame = toBuffer(data);
    if (frame.length > 1 && frame[0] === DATA_CHANNEL && !tcp.destroyed) tcp.write(frame.subarray(1));
  });
  ws.on('close', () => tcp.destroy());
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
