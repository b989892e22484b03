import { keyOf, type FakeKubeState } from './state';
import { listJson, namespaceJson, podFields, podJson, secretJson } from './resources';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';
import { badRequest, notFound, pathNotFound, type Attributes, type KubeStatus } from './status';

export interface Reply {
  status: number;
  body: unknown;
}

/** What a request path means: a REST read, the portforward subresource, or nothing we serve. */
export type Route =
  | { kind: 'rest'; attributes: Attributes; read: (state: FakeKubeState, query: URLSearchParams) => Reply }
  | { kind: 'portforward'; attributes: Attributes; namespace: string; pod: string }
  | { kind: 'unknown' };

const ok = (body: unknown): Reply => ({ status: 200, body });
const fail = (status: KubeStatus): Reply => ({ status: status.code, body: status });

export function matchRoute(pathname: string): Route {
  const s = pathname
    .split('/')
    .filter((p) => p.length > 0)
    .map(decodeURIComponent);
  if (s.length === 1 && s[0] === 'version') {
    return { kind: 'rest', attributes: { verb: 'get', resource: 'path:/version' }, read: versionReply };
  }
  if (s[0] !== 'api' || s[1] !== 'v1') return { kind: 'unknown' };
  const [, , first, ns, sub, name, subresource] = s;
  if (s.length === 3 && first === 'pods') {
    return { kind: 'rest', attributes: { verb: 'list', resource: 'pods' }, read: (st, q) => listPods(st, q) };
  }
  if (first !== 'namespaces') return { kind: 'unknown' };
  if (s.length === 3) {
    return { kind: 'rest', attributes: { verb: 'list', resource: 'namespaces' }, read: listNamespaces };
  }
  if (s.length === 4) {
    return {
      kind: 'rest',
      attributes: { verb: 'get', resource: 'namespaces', name: ns },
      read: (st) => readNamespace(st, ns),
    };
  }
  if (s.length === 5 && (sub === 'pods' || sub === 'secrets')) {
    const read =
      sub === 'pods' ? (st: FakeKubeState, q: URLSearchParams) => listPods(st, q, ns) : listSecrets(ns);
    return { kind: 'rest', attributes: { verb: 'list', resource: sub, namespace: ns }, read };
  }
  if (s.length === 6 && sub === 'pods') {
    return {
      kind: 'rest',
      attributes: { verb: 'get', resource: 'pods', namespace: ns, name },
      read: (st) => readPod(st, ns, name),
    };
  }
  if (s.length === 6 && sub === 'secrets') {
    return {
      kind: 'rest',
      attributes: { verb: 'get', resource: 'secrets', namespace: ns, name },
      read: (st) => readSecret(st, ns, name),
    };
  }
  if (s.length === 7 && sub === 'pods' && subresource === 'portforward') {
    // RBAC for `kubectl port-forward` is `create` on pods/portforward, even over a WebSocket GET.
    const attributes = { verb: 'create', resource: 'pods/portforward', namespace: ns, name };
    return { kind: 'portforward', attributes, namespace: ns, pod: name };
  }
  return { kind: 'unknown' };
}

export function unknownPath(): Reply {
  return fail(pathNotFound());
}

function versionReply(state: FakeKubeState): Reply {
  const m = /^v(\d+)\.(\d+)/.exec(state.gitVersion);
  return ok({
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '0',
    gitVersion: state.gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-01-01T00:00:00Z',
    goVersion: 'go1.22.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  });
}

function listNamespaces(state: FakeKubeState): Reply {
  return ok(listJson('NamespaceList', [...state.namespaces.values()].map(namespaceJson)));
}

function readNamespace(state: FakeKubeState, name: string): Reply {
  const ns = state.namespaces.get(name);
  return ns ? ok(namespaceJson(ns)) : fail(notFound('namespaces', name));
}

/** A list in a namespace that does not exist is empty, not 404, as on a real API server. */
function listPods(state: FakeKubeState, query: URLSearchParams, namespace?: string): Reply {
  try {
    const byLabels = parseLabelSelector(query.get('labelSelector'));
    const byFields = parseFieldSelector(query.get('fieldSelector'));
    const items = [...state.pods.values()]
      .filter((p) => namespace === undefined || p.namespace === namespace)
      .filter((p) => byLabels(p.labels ?? {}) && byFields(podFields(p)))
      .map(podJson);
    return ok(listJson('PodList', items));
  } catch (error) {
    if (error instanceof SelectorError) return fail(badRequest(error.message));
    throw error;
  }
}

function readPod(state: FakeKubeState, namespace: string, name: string): Reply {
  const pod = state.pods.get(keyOf(namespace, name));
  return pod ? ok(podJson(pod)) : fail(notFound('pods', name));
}

function listSecrets(namespace: string) {
  return (state: FakeKubeState): Reply => {
    const items = [...state.secrets.values()].filter((s) => s.namespace === namespace).map(secretJson);
    return ok(listJson('SecretList', items));
  };
}

function readSecret(state: FakeKubeState, namespace: string, name: string): Reply {
  const secret = state.secrets.get(keyOf(namespace, name));
  return secret ? ok(secretJson(secret)) : fail(notFound('secrets', name));
}
