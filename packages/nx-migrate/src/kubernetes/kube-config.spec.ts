import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { renderKubeconfig, type KubeconfigContext } from '../../../../tools/fake-kube-api/src/index.js';
import { loadKubeConfig } from './kube-config.js';
import { KubeError } from './kube-errors.js';

const SECRET_TOKEN = 'tok-should-never-show';

function errorOf(fn: () => unknown): KubeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KubeError) return error;
    throw error;
  }
  throw new Error('expected a KubeError');
}

describe('loadKubeConfig', () => {
  let dir: string;
  const context = (name: string, server = `https://${name}.example:6443`): KubeconfigContext => ({
    name,
    server,
    token: SECRET_TOKEN,
  });
  const write = (file: string, contexts: KubeconfigContext[], currentContext?: string): string => {
    const path = join(dir, file);
    writeFileSync(path, renderKubeconfig({ contexts, currentContext }));
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kube-config-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads --kubeconfig and uses its current-context', () => {
    const file = write('config', [context('dev'), context('prod')], 'dev');
    const loaded = loadKubeConfig({ kubeconfig: file, env: {} });
    expect(loaded.target).toEqual({ context: 'dev', server: 'https://dev.example:6443' });
    expect(loaded.files).toEqual([file]);
  });

  it('selects --context', () => {
    const file = write('config', [context('dev'), context('prod')], 'dev');
    expect(loadKubeConfig({ kubeconfig: file, context: 'prod', env: {} }).target.context).toBe('prod');
  });

  it('names the missing --kubeconfig file', () => {
    const error = errorOf(() => loadKubeConfig({ kubeconfig: join(dir, 'nope'), env: {} }));
    expect(error.code).toBe('KUBECONFIG_NOT_FOUND');
    expect(error.message).toContain(join(dir, 'nope'));
    expect(error.message).toContain('--kubeconfig');
  });

  it('merges KUBECONFIG files as kubectl does: missing entries skipped, the first definition wins', () => {
    const first = write('a', [context('dev', 'https://first.example')], 'dev');
    const second = write('b', [context('dev', 'https://second.example'), context('stage')], 'stage');
    const env = { KUBECONFIG: [join(dir, 'missing'), first, second].join(delimiter) };
    const loaded = loadKubeConfig({ env });
    expect(loaded.files).toEqual([first, second]);
    expect(loaded.target).toEqual({ context: 'dev', server: 'https://first.example' });
    expect(loadKubeConfig({ env, context: 'stage' }).target.server).toBe('https://stage.example:6443');
  });

  it('fails when no file of KUBECONFIG exists', () => {
    const error = errorOf(() => loadKubeConfig({ env: { KUBECONFIG: join(dir, 'x') } }));
    expect(error.code).toBe('KUBECONFIG_NOT_FOUND');
    expect(error.message).toContain('KUBECONFIG');
  });

  it('falls back to ~/.kube/config, and says so when it is missing too', () => {
    const error = errorOf(() => loadKubeConfig({ env: {}, homeDir: dir }));
    expect(error.code).toBe('KUBECONFIG_NOT_FOUND');
    expect(error.message).toContain(join(dir, '.kube', 'config'));
    expect(error.message).toMatch(/--kubeconfig/);

    mkdirSync(join(dir, '.kube'));
    const file = join(dir, '.kube', 'config');
    writeFileSync(file, renderKubeconfig({ contexts: [context('home')] }));
    expect(loadKubeConfig({ env: {}, homeDir: dir }).target.context).toBe('home');
  });

  it('lists the defined contexts when --context is unknown, without printing credentials', () => {
    const file = write('config', [context('dev'), context('prod')], 'dev');
    const error = errorOf(() => loadKubeConfig({ kubeconfig: file, context: 'qa', env: {} }));
    expect(error.code).toBe('KUBE_CONTEXT_NOT_FOUND');
    expect(error.message).toContain('"qa"');
    expect(error.message).toContain('dev, prod');
    expect(error.message).not.toContain(SECRET_TOKEN);
  });

  it('asks for --context when there is no current-context', () => {
    const file = join(dir, 'config');
    writeFileSync(
      file,
      renderKubeconfig({ contexts: [context('dev')] }).replace(/^current-context:.*$/m, ''),
    );
    const error = errorOf(() => loadKubeConfig({ kubeconfig: file, env: {} }));
    expect(error.code).toBe('KUBE_CONTEXT_NOT_FOUND');
    expect(error.message).toContain('--context');
  });

  it('reports an unreadable file as KUBECONFIG_INVALID with its path', () => {
    const file = join(dir, 'broken');
    writeFileSync(file, 'clusters: [\n  - name: x\n');
    const error = errorOf(() => loadKubeConfig({ kubeconfig: file, env: {} }));
    expect(error.code).toBe('KUBECONFIG_INVALID');
    expect(error.message).toContain(file);
  });

  it('refuses plain http without insecure-skip-tls-verify, which the client would reject later', () => {
    const file = write('config', [context('local', 'http://127.0.0.1:8080')]);
    const error = errorOf(() => loadKubeConfig({ kubeconfig: file, env: {} }));
    expect(error.code).toBe('KUBECONFIG_INVALID');
    expect(error.message).toContain('insecure-skip-tls-verify');
  });
});
