import { createServer, type Server } from 'node:net';
import WebSocket from 'ws';
import { startFakeKubeApi, V4_CHANNEL_PROTOCOL, type FakeKubeApi } from './index';

/** A TCP echo server standing in for the pod's port. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

interface Frames {
  ws: WebSocket;
  frames: Buffer[];
  closed: Promise<void>;
  next(count: number): Promise<Buffer[]>;
}

function open(
  api: FakeKubeApi,
  path: string,
  protocols = [V4_CHANNEL_PROTOCOL],
  token = 'tok',
): Promise<Frames> {
  const wsUrl = api.url.replace(/^http/, 'ws') + path;
  const ws = new WebSocket(wsUrl, protocols, { headers: { authorization: `Bearer ${token}` } });
  const frames: Buffer[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data: Buffer) => {
    frames.push(data);
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  const next = async (count: number): Promise<Buffer[]> => {
    while (frames.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return frames.slice(0, count);
  };
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, frames, closed, next }));
    ws.on('error', reject);
  });
}

describe('fake portforward subresource (v4.channel.k8s.io)', () => {
  let api: FakeKubeApi;
  let echo: { server: Server; port: number };

  beforeAll(async () => {
    echo = await echoServer();
    api = await startFakeKubeApi({
      token: 'tok',
      pods: [
        {
          name: 'db',
          namespace: 'ns',
          containers: [{ name: 'c' }],
          forward: { 5432: { host: '127.0.0.1', port: echo.port } },
        },
        { name: 'nothing', namespace: 'ns', containers: [{ name: 'c' }] },
      ],
    });
  });
  afterAll(async () => {
    await api.stop();
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
  });

  it('sends the port on channels 0 and 1 first, then pipes channel 0 to the target', async () => {
    const session = await open(api, '/api/v1/namespaces/ns/pods/db/portforward?ports=5432');
    expect(session.ws.protocol).toBe(V4_CHANNEL_PROTOCOL);
    const [data, error] = await session.next(2);
    expect([...data]).toEqual([0, 5432 & 0xff, 5432 >> 8]);
    expect([...error]).toEqual([1, 5432 & 0xff, 5432 >> 8]);
    session.ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('ping')]));
    const [, , echoed] = await session.next(3);
    expect(echoed[0]).toBe(0);
    expect(echoed.subarray(1).toString()).toBe('ping');
    session.ws.close();
    await session.closed;
  });

  it('writes the failure on the error channel and closes when the target refuses', async () => {
    const session = await open(api, '/api/v1/namespaces/ns/pods/nothing/portforward?ports=5432');
    await session.closed;
    const error = session.frames.find((f) => f[0] === 1 && f.length > 3)!;
    expect(error.subarray(1).toString()).toMatch(
      /^error forwarding port 5432 to pod nothing, uid [0-9a-f-]+: .*connection refused/,
    );
  });

  it('refuses the upgrade with HTTP errors: 401, 404, 400 without the v4 protocol', async () => {
    await expect(
      open(api, '/api/v1/namespaces/ns/pods/db/portforward?ports=5432', undefined, 'bad'),
    ).rejects.toThrow('Unexpected server response: 401');
    await expect(open(api, '/api/v1/namespaces/ns/pods/gone/portforward?ports=5432')).rejects.toThrow(
      'Unexpected server response: 404',
    );
    await expect(
      open(api, '/api/v1/namespaces/ns/pods/db/portforward?ports=5432', ['v5.channel.k8s.io']),
    ).rejects.toThrow('Unexpected server response: 400');
    await expect(open(api, '/api/v1/namespaces/ns/pods/db/portforward?ports=1,2')).rejects.toThrow(
      'Unexpected server response: 400',
    );
  });

  it('refuses with 403 when pods/portforward is forbidden', async () => {
    api.setForbidden([{ verb: 'create', resource: 'pods/portforward' }]);
    try {
      await expect(open(api, '/api/v1/namespaces/ns/pods/db/portforward?ports=5432')).rejects.toThrow(
        'Unexpected server response: 403',
      );
    } finally {
      api.setForbidden([]);
    }
  });
});
