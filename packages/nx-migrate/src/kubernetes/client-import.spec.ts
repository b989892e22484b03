import { execFileSync } from 'node:child_process';
import { CoreV1Api, KubeConfig, PortForward, VersionApi } from '@kubernetes/client-node';

describe('@kubernetes/client-node on this Node version', () => {
  it('loads under Jest (compiled from ESM by the root jest.config.js)', () => {
    for (const exported of [KubeConfig, CoreV1Api, PortForward, VersionApi])
      expect(typeof exported).toBe('function');
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://127.0.0.1:1', skipTLSVerify: false }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    expect(kc.makeApiClient(CoreV1Api)).toBeDefined();
  });

  it('loads with plain Node require(), as the compiled plugin does (undici 7 override on Node 20)', () => {
    // Outside Jest: the real CommonJS require of the ESM package, and undici's fetch with it.
    const script =
      "const k = require('@kubernetes/client-node');" +
      "const u = require('undici/package.json');" +
      'process.stdout.write(JSON.stringify({ node: process.version, undici: u.version, kc: typeof k.KubeConfig, pf: typeof k.PortForward }));';
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<
      string,
      string
    >;
    expect(out.kc).toBe('function');
    expect(out.pf).toBe('function');
    expect(Number(out.node.slice(1).split('.')[0])).toBeGreaterThanOrEqual(20);
  });
});
