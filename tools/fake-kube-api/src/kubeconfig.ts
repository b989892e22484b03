import { chmod, writeFile } from 'node:fs/promises';

export interface KubeconfigContext {
  name: string;
  server: string;
  /** PEM of the CA; written as `certificate-authority-data`. Without it, http needs skip-verify. */
  caPem?: string;
  insecureSkipTlsVerify?: boolean;
  token?: string;
  namespace?: string;
}

export interface KubeconfigSpec {
  contexts: KubeconfigContext[];
  currentContext?: string;
}

/** JSON strings are valid YAML double-quoted scalars, so quoting needs no YAML library. */
const q = (value: string): string => JSON.stringify(value);

/** Renders a kubeconfig with one cluster and one user per context, named after the context. */
export function renderKubeconfig(spec: KubeconfigSpec): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const c of spec.contexts) {
    lines.push(`  - name: ${q(c.name)}`, '    cluster:', `      server: ${q(c.server)}`);
    if (c.caPem)
      lines.push(`      certificate-authority-data: ${q(Buffer.from(c.caPem).toString('base64'))}`);
    if (c.insecureSkipTlsVerify) lines.push('      insecure-skip-tls-verify: true');
  }
  lines.push('users:');
  for (const c of spec.contexts) {
    lines.push(`  - name: ${q(c.name)}`);
    lines.push(c.token === undefined ? '    user: {}' : `    user:\n      token: ${q(c.token)}`);
  }
  lines.push('contexts:');
  for (const c of spec.contexts) {
    lines.push(
      `  - name: ${q(c.name)}`,
      '    context:',
      `      cluster: ${q(c.name)}`,
      `      user: ${q(c.name)}`,
    );
    if (c.namespace) lines.push(`      namespace: ${q(c.namespace)}`);
  }
  const current = spec.currentContext ?? spec.contexts[0]?.name;
  if (current) lines.push(`current-context: ${q(current)}`);
  return lines.join('\n') + '\n';
}

/** Writes the kubeconfig readable by its owner only, as kubectl does (it holds a token). */
export async function writeKubeconfig(path: string, spec: KubeconfigSpec): Promise<string> {
  const yaml = renderKubeconfig(spec);
  await writeFile(path, yaml, { mode: 0o600 });
  await chmod(path, 0o600);
  return yaml;
}
