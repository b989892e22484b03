import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ServerCertificates {
  /** PEM of the self-signed CA; kubeconfigs carry it base64-encoded. */
  caPem: string;
  certPem: string;
  keyPem: string;
}

let cached: Promise<ServerCertificates> | undefined;

/**
 * A throw-away CA and a server certificate for 127.0.0.1/localhost signed by it. Node cannot
 * issue X.509 certificates, so this runs `openssl`; one set per process is enough for all servers.
 */
export function serverCertificates(): Promise<ServerCertificates> {
  cached ??= generate().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function generate(): Promise<ServerCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-kube-api-certs-'));
  const p = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    await openssl(
      ['req', '-x509', ...ec, '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '2']
        .concat(['-subj', '/CN=fake-kube-api-ca', '-addext', 'basicConstraints=critical,CA:TRUE'])
        .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
    );
    await openssl([
      'req',
      ...ec,
      '-keyout',
      p('server.key'),
      '-out',
      p('server.csr'),
      '-subj',
      '/CN=fake-kube-api',
    ]);
    await writeFile(
      p('server.ext'),
      [
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        'basicConstraints=CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
      ].join('\n'),
    );
    await openssl(
      ['x509', '-req', '-in', p('server.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key')].concat([
        '-CAcreateserial',
        '-out',
        p('server.crt'),
        '-days',
        '2',
        '-extfile',
        p('server.ext'),
      ]),
    );
    const [caPem, certPem, keyPem] = await Promise.all(
      ['ca.crt', 'server.crt', 'server.key'].map((f) => readFile(p(f), 'utf8')),
    );
    return { caPem, certPem, keyPem };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const detail = (error as { stderr?: string; message: string }).stderr || (error as Error).message;
    throw new Error(`fake-kube-api: openssl failed (needed for https): ${detail.trim()}`);
  }
}
