/** Kubernetes `Status` objects, shaped as the API server sends them for failures. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

function failure(code: number, reason: string, message: string, details?: KubeStatus['details']): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  };
}

export function unauthorized(): KubeStatus {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export interface Attributes {
  verb: string;
  /** Plural resource with subresource (`pods/portforward`), or `path:/version` for non-resource URLs. */
  resource: string;
  namespace?: string;
  name?: string;
}

export function forbidden(user: string, a: Attributes): KubeStatus {
  if (a.resource.startsWith('path:')) {
    const path = a.resource.slice('path:'.length);
    return failure(403, 'Forbidden', `forbidden: User "${user}" cannot ${a.verb} path "${path}"`, {});
  }
  const [kind] = a.resource.split('/');
  const subject = a.name ? `${kind} "${a.name}"` : kind;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${user}" cannot ${a.verb} resource "${a.resource}" in API group "" ${scope}`;
  return failure(403, 'Forbidden', message, { name: a.name, group: '', kind });
}

export function notFound(kind: string, name: string): KubeStatus {
  return failure(404, 'NotFound', `${kind} "${name}" not found`, { name, kind });
}

export function pathNotFound(): KubeStatus {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function badRequest(message: string): KubeStatus {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): KubeStatus {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}
