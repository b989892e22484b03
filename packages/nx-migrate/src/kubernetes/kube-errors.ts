import { maskSecrets } from '@bakery-ia/init-manager';

/** Stable codes callers and tests switch on; the message is for people. */
export type KubeErrorCode =
  | 'KUBECONFIG_NOT_FOUND'
  | 'KUBECONFIG_INVALID'
  | 'KUBE_CONTEXT_NOT_FOUND'
  | 'CLUSTER_UNREACHABLE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NAMESPACE_NOT_FOUND'
  | 'POD_NOT_FOUND'
  | 'NO_RUNNING_POD'
  | 'CONTAINER_NOT_FOUND'
  | 'ENV_VAR_NOT_FOUND'
  | 'ENV_VAR_UNSUPPORTED'
  | 'SECRET_NOT_FOUND'
  | 'SECRET_KEY_NOT_FOUND'
  | 'DATABASE_URL_INVALID'
  | 'PORT_FORWARD_FAILED'
  | 'KUBE_API_ERROR';

export interface KubeErrorParts {
  /** What went wrong, one sentence. */
  what: string;
  /** Where: context, cluster, namespace, object. */
  where: string;
  /** The next step for the user. */
  next: string;
  cause?: unknown;
}

/**
 * The one error the Kubernetes gateway throws. The message reads "what (where). next step" and
 * never holds a token, a password or a secret value.
 */
export class KubeError extends Error {
  readonly code: KubeErrorCode;
  readonly what: string;
  readonly where: string;
  readonly next: string;

  constructor(code: KubeErrorCode, parts: KubeErrorParts) {
    super(maskSecrets(`${parts.what} (${parts.where}). ${parts.next}`), { cause: parts.cause });
    this.name = 'KubeError';
    this.code = code;
    this.what = maskSecrets(parts.what);
    this.where = maskSecrets(parts.where);
    this.next = maskSecrets(parts.next);
  }
}

export function isKubeError(error: unknown): error is KubeError {
  return error instanceof KubeError;
}

/** Which cluster a call went to, for the "where" of messages. */
export interface KubeTarget {
  context: string;
  server: string;
}

/** One API call, described as RBAC sees it (verb, plural resource) so errors can say what was refused. */
export interface KubeCall {
  target: KubeTarget;
  verb: 'get' | 'list' | 'create';
  resource: 'version' | 'namespaces' | 'pods' | 'secrets' | 'pods/portforward';
  namespace?: string;
  name?: string;
}

export function describeTarget(target: KubeTarget): string {
  return `context "${target.context}", API server ${target.server}`;
}

function whereOf(call: KubeCall): string {
  const scope = call.namespace ? `namespace "${call.namespace}", ` : '';
  return `${scope}${describeTarget(call.target)}`;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Maps what `@kubernetes/client-node` throws (ApiException with a Status body, undici's
 * `fetch failed` with a system error as cause, an abort on timeout, a WebSocket upgrade error)
 * to a KubeError for this call. Checks shapes, not classes, so it works whatever module copy
 * (or Jest realm) created the error.
 */
export function toKubeError(error: unknown, call: KubeCall): KubeError {
  if (error instanceof KubeError) return error;
  const status = httpStatusOf(error);
  if (status !== undefined) return fromHttpStatus(status, statusMessageOf(error), call, error);
  const system = systemCodeOf(error);
  const where = whereOf(call);
  if (isTimeout(error)) {
    return new KubeError('CLUSTER_UNREACHABLE', {
      what: 'The Kubernetes API server did not answer in time',
      where,
      next: 'Check that the cluster is up and reachable from this machine (VPN, proxy), then retry.',
      cause: error,
    });
  }
  if (system && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL/i.test(system)) {
    return new KubeError('CLUSTER_UNREACHABLE', {
      what: `The TLS certificate of the Kubernetes API server could not be verified (${system})`,
      where,
      next: 'Check certificate-authority-data (or certificate-authority) of the cluster in your kubeconfig.',
      cause: error,
    });
  }
  if ((system && UNREACHABLE_CODES.has(system)) || messageOf(error) === 'fetch failed') {
    return new KubeError('CLUSTER_UNREACHABLE', {
      what: `Cannot reach the Kubernetes API server${system ? ` (${system})` : ''}`,
      where,
      next: 'Check that the cluster is running and the context points at it (kubectl cluster-info), or pick another one with --context.',
      cause: error,
    });
  }
  return new KubeError('KUBE_API_ERROR', {
    what: `Kubernetes call "${call.verb} ${call.resource}" failed: ${messageOf(error) || String(error)}`,
    where,
    next: 'Retry; if it persists, run the same request with kubectl to see what the cluster says.',
    cause: error,
  });
}

function fromHttpStatus(
  status: number,
  serverMessage: string | undefined,
  call: KubeCall,
  cause: unknown,
): KubeError {
  const where = whereOf(call);
  const object = call.name ? `${call.resource} "${call.name}"` : call.resource;
  if (status === 401) {
    return new KubeError('UNAUTHORIZED', {
      what: 'The Kubernetes API server rejected the credentials (401 Unauthorized)',
      where,
      next: 'Log in to the cluster again (refresh the token in your kubeconfig) or pick another context with --context.',
      cause,
    });
  }
  if (status === 403) {
    const scope = call.namespace ? ` in namespace "${call.namespace}"` : '';
    return new KubeError('FORBIDDEN', {
      what: `Not allowed to ${call.verb} ${object}${scope} (403 Forbidden${serverMessage ? `: ${serverMessage}` : ''})`,
      where,
      next: `Ask a cluster admin for a Role granting "${call.verb}" on "${call.resource}"${scope}, or use a context that has it.`,
      cause,
    });
  }
  if (status === 404 && call.resource === 'namespaces') {
    return new KubeError('NAMESPACE_NOT_FOUND', {
      what: `Namespace "${call.name}" does not exist`,
      where: describeTarget(call.target),
      next: "Check the namespace in the service's migrate.config.json (kubectl get namespaces), or pick the right cluster with --context.",
      cause,
    });
  }
  if (status === 404 && (call.resource === 'pods' || call.resource === 'pods/portforward')) {
    return new KubeError('POD_NOT_FOUND', {
      what: `Pod "${call.name}" does not exist`,
      where,
      next: 'The pod may have been replaced; list the current ones with kubectl get pods and retry.',
      cause,
    });
  }
  if (status === 404 && call.resource === 'secrets') {
    return new KubeError('SECRET_NOT_FOUND', {
      what: `Secret "${call.name}" does not exist`,
      where,
      next: 'Check the secret name the pod references (kubectl get secrets), or that you target the right namespace.',
      cause,
    });
  }
  if (call.resource === 'pods/portforward') {
    return portForwardFailed(call, serverMessage ?? `HTTP ${status}`, cause);
  }
  return new KubeError('KUBE_API_ERROR', {
    what: `Kubernetes call "${call.verb} ${object}" failed with HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`,
    where,
    next: 'Retry; if it persists, run the same request with kubectl to see what the cluster says.',
    cause,
  });
}

export function portForwardFailed(call: KubeCall, reason: string, cause?: unknown): KubeError {
  return new KubeError('PORT_FORWARD_FAILED', {
    what: `Port-forward to pod "${call.name}" failed: ${reason}`,
    where: whereOf(call),
    next: 'Check that the pod is Running and listens on that port (kubectl port-forward shows the same), then retry.',
    cause,
  });
}

/** HTTP status of an ApiException (`code`) or of a failed WebSocket upgrade ("Unexpected server response: 403"). */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && code >= 100 && code < 600) return code;
  const m = /Unexpected server response: (\d{3})/.exec(messageOf(error));
  return m ? Number(m[1]) : undefined;
}

/** The `message` of a Kubernetes Status body, which names the user, verb and resource on a 403. */
function statusMessageOf(error: unknown): string | undefined {
  const body = (error as { body?: unknown }).body;
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    const message = (parsed as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message.length > 0 ? message : undefined;
  } catch {
    return undefined;
  }
}

function systemCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const next = (e as { cause?: unknown; error?: unknown }).cause ?? (e as { error?: unknown }).error;
    if (next === e) break;
    e = next;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : '';
}
