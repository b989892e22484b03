import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';

describe('label selectors', () => {
  const labels = { app: 'auth', tier: 'api', 'app.kubernetes.io/name': 'auth' };

  it.each([
    ['', true],
    ['app=auth', true],
    ['app==auth,tier=api', true],
    ['app.kubernetes.io/name=auth', true],
    ['app=orders', false],
    ['app!=orders', true],
    ['app!=auth', false],
    ['missing!=x', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app in (auth, orders),tier notin (db)', true],
    ['tier in (db)', false],
  ])('%j matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('rejects what it cannot parse', () => {
    expect(() => parseLabelSelector('app=a=b')).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  const fields = {
    'metadata.name': 'auth-db-0',
    'metadata.namespace': 'bakery',
    'status.phase': 'Running',
    'spec.nodeName': 'node-1',
    'status.podIP': '10.0.0.1',
  };

  it('supports = and != on known pod fields', () => {
    expect(parseFieldSelector('status.phase=Running')(fields)).toBe(true);
    expect(parseFieldSelector('status.phase!=Running')(fields)).toBe(false);
    expect(parseFieldSelector('status.phase=Running,metadata.name==auth-db-0')(fields)).toBe(true);
  });

  it('rejects unknown fields as the API server does', () => {
    expect(() => parseFieldSelector('spec.foo=x')).toThrow('field label not supported: spec.foo');
  });
});
