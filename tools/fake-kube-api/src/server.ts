import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAccess } from './access';
import { serverCertificates } from './certificates';
import { writeKubeconfig, type KubeconfigContext } from './kubeconfig';
import { createPortForwarder } from './port-forward';
import { matchRoute, unknownPath, type Reply } from './routes';
import { createState, stateMutators, type FakeKubeMutators } from './state';
import { badRequest, methodNotAllowed, type Attributes } from './status';
import { createUpgradeHandler } from './upgrade';
import type { FakeKubeApiOptions, RecordedRequest } from './types';

export interface FakeKubeApi extends FakeKubeMutators {
  /** `http(s)://127.0.0.1:<port>` */
  url: string;
  https: boolean;
  /** PEM of the CA that signed the server certificate (https only). */
  caPem?: string;
  contextName: string;
  /** A kubeconfig (in a temp folder removed by stop()) whose current context is this server. */
  kubeconfigPath: string;
  kubeconfigYaml: string;
  /** Every request the server answered, in order. */
  requests: RecordedRequest[];
  /** Port-forward WebSockets still open. */
  activePortForwards(): number;
  /** Writes another kubeconfig for this server (a wrong token, no CA, ...) and returns its path. */
  writeKubeconfig(overrides?: Partial<KubeconfigContext>, fileName?: string): Promise<string>;
  stop(): Promise<void>;
}

const CONTEXT_NAME = 'fake-kube-api';

export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  const state = createState(options);
  const useHttps = options.https ?? false;
  const certificates = useHttps ? await serverCertificates() : undefined;
  const forwarder = createPortForwarder();
  const requests: RecordedRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();

  const record = (req: IncomingMessage, a: Attributes | undefined, status: number): void => {
    const path = req.url ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      path,
      verb: a?.verb ?? '',
      resource: a?.resource ?? '',
      namespace: a?.namespace,
      name: a?.name,
      status,
    });
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = matchRoute(url.pathname);
    let reply: Reply;
    let attributes: Attributes | undefined;
    if (route.kind === 'unknown') {
      // Authentication comes first even for paths that do not exist.
      const denied = checkAccess(state, req.headers, { verb: 'get', resource: `path:${url.pathname}` });
      reply = denied?.code === 401 ? { status: 401, body: denied } : unknownPath();
    } else {
      attributes = route.attributes;
      const denied = checkAccess(state, req.headers, route.attributes);
      if (denied) reply = { status: denied.code, body: denied };
      else if (req.method !== 'GET') reply = { status: 405, body: methodNotAllowed() };
      else if (route.kind === 'portforward')
        reply = { status: 400, body: badRequest('Upgrade request required') };
      else reply = route.read(state, url.searchParams);
    }
    record(req, attributes, reply.status);
    const send = (): void => {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    };
    if (state.responseDelayMs <= 0) return send();
    const timer = setTimeout(() => {
      pending.delete(timer);
      send();
    }, state.responseDelayMs);
    pending.add(timer);
  };

  const onUpgrade = createUpgradeHandler(state, forwarder, record);

  const server = certificates
    ? createHttpsServer({ cert: certificates.certPem, key: certificates.keyPem }, onRequest)
    : createHttpServer(onRequest);
  server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${useHttps ? 'https' : 'http'}://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'fake-kube-api-'));
  const baseContext: KubeconfigContext = {
    name: CONTEXT_NAME,
    server: url,
    caPem: certificates?.caPem,
    insecureSkipTlsVerify: !useHttps,
    token: state.token,
    namespace: 'default',
  };
  const kubeconfigPath = join(dir, 'kubeconfig');
  const kubeconfigYaml = await writeKubeconfig(kubeconfigPath, { contexts: [baseContext] });
  let extraFiles = 0;

  return {
    ...stateMutators(state),
    url,
    https: useHttps,
    caPem: certificates?.caPem,
    contextName: CONTEXT_NAME,
    kubeconfigPath,
    kubeconfigYaml,
    requests,
    activePortForwards: () => forwarder.active(),
    async writeKubeconfig(overrides = {}, fileName = `kubeconfig-${++extraFiles}`) {
      const path = join(dir, fileName);
      await writeKubeconfig(path, { contexts: [{ ...baseContext, ...overrides }] });
      return path;
    },
    async stop() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      forwarder.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
