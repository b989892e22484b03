import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { checkAccess } from './access';
import { V4_CHANNEL_PROTOCOL, type PortForwarder } from './port-forward';
import { podPhase } from './resources';
import { matchRoute, unknownPath, type Reply } from './routes';
import { keyOf, type FakeKubeState } from './state';
import { badRequest, notFound, type Attributes } from './status';

type Record = (req: IncomingMessage, attributes: Attributes | undefined, status: number) => void;

/**
 * WebSocket upgrades: only the pod portforward subresource. Checks what the API server checks
 * before switching protocols (token, RBAC, pod, ports, subprotocol) and answers failures with a
 * plain HTTP Status response, which the client sees as "Unexpected server response: <code>".
 */
export function createUpgradeHandler(state: FakeKubeState, forwarder: PortForwarder, record: Record) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = matchRoute(url.pathname);
    if (route.kind !== 'portforward') {
      record(req, undefined, 404);
      return rejectUpgrade(socket, unknownPath());
    }
    const reject = (reply: Reply): void => {
      record(req, route.attributes, reply.status);
      rejectUpgrade(socket, reply);
    };
    const denied = checkAccess(state, req.headers, route.attributes);
    if (denied) return reject({ status: denied.code, body: denied });
    const pod = state.pods.get(keyOf(route.namespace, route.pod));
    if (!pod) return reject({ status: 404, body: notFound('pods', route.pod) });
    // The API server cannot reach a container that is not running; the exact message varies.
    const phase = podPhase(pod);
    if (phase !== 'Running') {
      return reject({ status: 400, body: badRequest(`pod ${pod.name} is not running (phase ${phase})`) });
    }
    const ports = url.searchParams.getAll('ports').flatMap((p) => p.split(','));
    const port = Number(ports[0]);
    if (ports.length !== 1 || !Number.isInteger(port) || port < 1 || port > 65535) {
      const message = `invalid ports ${JSON.stringify(ports.join(','))}: one port expected`;
      return reject({ status: 400, body: badRequest(message) });
    }
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(V4_CHANNEL_PROTOCOL)) {
      return reject({
        status: 400,
        body: badRequest(`unable to upgrade: ${V4_CHANNEL_PROTOCOL} was not offered`),
      });
    }
    record(req, route.attributes, 101);
    forwarder.accept(req, socket, head, pod, port);
  };
}

function rejectUpgrade(socket: Duplex, reply: Reply): void {
  const body = JSON.stringify(reply.body);
  socket.end(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
