import type { FakeKubeApiOptions, FakeNamespace, FakePod, FakeSecret, ForbiddenRule } from './types';

/** The mutable world the fake API serves; tests change it between requests. */
export interface FakeKubeState {
  namespaces: Map<string, FakeNamespace>;
  /** Keyed by `namespace/name`. */
  pods: Map<string, FakePod>;
  secrets: Map<string, FakeSecret>;
  forbidden: ForbiddenRule[];
  token: string | undefined;
  user: string;
  gitVersion: string;
  responseDelayMs: number;
}

export function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function createState(options: FakeKubeApiOptions): FakeKubeState {
  const state: FakeKubeState = {
    namespaces: new Map(),
    pods: new Map(),
    secrets: new Map(),
    forbidden: [...(options.forbidden ?? [])],
    token: options.token,
    user: options.user ?? 'system:serviceaccount:default:tester',
    gitVersion: options.gitVersion ?? 'v1.31.4',
    responseDelayMs: 0,
  };
  for (const ns of options.namespaces ?? []) {
    const namespace = typeof ns === 'string' ? { name: ns } : ns;
    state.namespaces.set(namespace.name, namespace);
  }
  for (const pod of options.pods ?? []) state.pods.set(keyOf(pod.namespace, pod.name), pod);
  for (const secret of options.secrets ?? []) state.secrets.set(keyOf(secret.namespace, secret.name), secret);
  return state;
}

/** Functions tests call to change the world while the server runs. */
export function stateMutators(state: FakeKubeState) {
  return {
    setNamespace(namespace: FakeNamespace | string): void {
      const ns = typeof namespace === 'string' ? { name: namespace } : namespace;
      state.namespaces.set(ns.name, ns);
    },
    removeNamespace(name: string): void {
      state.namespaces.delete(name);
    },
    setPod(pod: FakePod): void {
      state.pods.set(keyOf(pod.namespace, pod.name), pod);
    },
    removePod(namespace: string, name: string): void {
      state.pods.delete(keyOf(namespace, name));
    },
    setSecret(secret: FakeSecret): void {
      state.secrets.set(keyOf(secret.namespace, secret.name), secret);
    },
    removeSecret(namespace: string, name: string): void {
      state.secrets.delete(keyOf(namespace, name));
    },
    setForbidden(rules: ForbiddenRule[]): void {
      state.forbidden = [...rules];
    },
    setToken(token: string | undefined): void {
      state.token = token;
    },
    /** Holds every HTTP answer this long (to test client timeouts). */
    setResponseDelay(ms: number): void {
      state.responseDelayMs = ms;
    },
  };
}

export type FakeKubeMutators = ReturnType<typeof stateMutators>;
