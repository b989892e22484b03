import { KubeError, toKubeError, type KubeCall } from './kube-errors.js';

const call: KubeCall = {
  target: { context: 'prod', server: 'https://k8s.example:6443' },
  verb: 'create',
  resource: 'pods/portforward',
  namespace: 'bakery',
  name: 'auth-db-0',
};

describe('toKubeError (shapes the real client produces, checked end to end in the other specs)', () => {
  it('reads the status of a refused WebSocket upgrade from its message', () => {
    const upgrade = {
      type: 'error',
      message: 'Unexpected server response: 403',
      error: new Error('Unexpected server response: 403'),
    };
    expect(toKubeError(upgrade, call).code).toBe('FORBIDDEN');
    expect(toKubeError({ message: 'Unexpected server response: 401' }, call).code).toBe('UNAUTHORIZED');
    expect(toKubeError({ message: 'Unexpected server response: 404' }, call).code).toBe('POD_NOT_FOUND');
    expect(toKubeError({ message: 'Unexpected server response: 500' }, call).code).toBe(
      'PORT_FORWARD_FAILED',
    );
  });

  it('finds the system error code through cause chains (fetch failed) and ws error events', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6443'), { code: 'ECONNREFUSED' });
    expect(toKubeError(new TypeError('fetch failed', { cause: refused }), call).code).toBe(
      'CLUSTER_UNREACHABLE',
    );
    expect(toKubeError({ type: 'error', message: 'x', error: refused }, call).message).toContain(
      'ECONNREFUSED',
    );
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    expect(toKubeError(timeout, call).message).toContain('did not answer in time');
  });

  it('masks URL passwords in any message and keeps the original as cause', () => {
    const original = new Error('boom at postgres://auth:hunter2@db:5432/auth');
    const error = toKubeError(original, call);
    expect(error.code).toBe('KUBE_API_ERROR');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('postgres://auth:***@db');
    expect(error.cause).toBe(original);
  });

  it('passes a KubeError through unchanged', () => {
    const error = new KubeError('NO_RUNNING_POD', { what: 'w', where: 'x', next: 'n' });
    expect(toKubeError(error, call)).toBe(error);
    expect(error.message).toBe('w (x). n');
  });
});
