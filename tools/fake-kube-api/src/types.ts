/** The objects a test declares; the server renders them as Kubernetes v1 JSON. */

export type Labels = Record<string, string>;

export interface FakeNamespace {
  name: string;
  labels?: Labels;
}

export interface FakeEnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}

export interface FakeEnvFromSource {
  prefix?: string;
  secretRef?: { name: string; optional?: boolean };
  configMapRef?: { name: string; optional?: boolean };
}

export interface FakeContainer {
  name: string;
  image?: string;
  env?: FakeEnvVar[];
  envFrom?: FakeEnvFromSource[];
  ports?: number[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/**
 * Where the pod's port-forward goes: container port -> a real TCP endpoint, or a Postgres Unix
 * socket when `host` is a folder (`/tmp/x` -> `/tmp/x/.s.PGSQL.<port>`, as libpq names it).
 */
export type PortForwardTargets = Record<number, { host: string; port: number }>;

export interface FakePod {
  name: string;
  namespace: string;
  labels?: Labels;
  /** Defaults to Running. */
  phase?: PodPhase;
  /** Ready condition; defaults to `phase === 'Running'`. */
  ready?: boolean;
  nodeName?: string;
  containers: FakeContainer[];
  forward?: PortForwardTargets;
}

export interface FakeSecret {
  name: string;
  namespace: string;
  /** Plain text values; the server sends them base64-encoded as Kubernetes does. */
  data?: Record<string, string>;
  type?: string;
}

/**
 * Requests matching a rule get 403 Forbidden. `verb` as RBAC spells it (get, list, create for
 * pods/portforward); `resource` plural, with subresource: `pods`, `secrets`, `pods/portforward`.
 * Omitted fields match anything.
 */
export interface ForbiddenRule {
  verb?: string;
  resource: string;
  namespace?: string;
  name?: string;
}

export interface FakeKubeApiOptions {
  https?: boolean;
  /** When set, every request must carry `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** The user name Forbidden messages mention. */
  user?: string;
  namespaces?: (FakeNamespace | string)[];
  pods?: FakePod[];
  secrets?: FakeSecret[];
  forbidden?: ForbiddenRule[];
  gitVersion?: string;
}

/** What the server saw, for assertions (verb and resource as RBAC would see them). */
export interface RecordedRequest {
  method: string;
  path: string;
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
  status: number;
}
