import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeError, type KubeTarget } from './kube-errors.js';

export interface KubeConfigOptions {
  /** `--kubeconfig`: a file that must exist. */
  kubeconfig?: string;
  /** `--context`: defaults to the kubeconfig's current-context. */
  context?: string;
  /** For tests; defaults to process.env and the user's home folder. */
  env?: Record<string, string | undefined>;
  homeDir?: string;
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig;
  target: KubeTarget;
  /** The files read, in kubectl's precedence order. */
  files: string[];
}

/**
 * Loads the kubeconfig the way kubectl finds it (--kubeconfig, else KUBECONFIG, else
 * ~/.kube/config) and selects the context. Unlike KubeConfig.loadFromDefault it never falls back
 * to an invented localhost cluster: no file means a clear error.
 */
export function loadKubeConfig(options: KubeConfigOptions = {}): LoadedKubeConfig {
  const files = kubeconfigFiles(options);
  const kubeConfig = new KubeConfig();
  const loaded = files.map((file) => readFile(file));
  const [first, ...rest] = loaded;
  kubeConfig.loadFromOptions({
    clusters: first.clusters,
    users: first.users,
    contexts: first.contexts,
    currentContext: first.currentContext,
  });
  for (const other of rest) mergeFirstWins(kubeConfig, other);
  const target = selectContext(kubeConfig, options.context, files);
  return { kubeConfig, target, files };
}

function kubeconfigFiles(options: KubeConfigOptions): string[] {
  const env = options.env ?? process.env;
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) {
      throw new KubeError('KUBECONFIG_NOT_FOUND', {
        what: `The kubeconfig file "${options.kubeconfig}" does not exist`,
        where: 'option --kubeconfig',
        next: 'Pass the path of an existing kubeconfig, or leave the option out to use KUBECONFIG or ~/.kube/config.',
      });
    }
    return [options.kubeconfig];
  }
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((f) => f.length > 0);
  if (fromEnv.length > 0) {
    // kubectl skips missing entries of KUBECONFIG; all missing is an error worth saying.
    const existing = fromEnv.filter((f) => existsSync(f));
    if (existing.length > 0) return existing;
    throw new KubeError('KUBECONFIG_NOT_FOUND', {
      what: 'None of the files listed in KUBECONFIG exists',
      where: `KUBECONFIG=${env.KUBECONFIG}`,
      next: 'Fix KUBECONFIG or unset it to use ~/.kube/config, or pass --kubeconfig=<file>.',
    });
  }
  const home = options.homeDir ?? env.HOME ?? homedir();
  const defaultFile = join(home, '.kube', 'config');
  if (existsSync(defaultFile)) return [defaultFile];
  throw new KubeError('KUBECONFIG_NOT_FOUND', {
    what: 'No kubeconfig found',
    where: `no --kubeconfig option, KUBECONFIG not set, ${defaultFile} missing`,
    next: "Pass --kubeconfig=<file>, set KUBECONFIG, or run your cluster's login command (for example `aws eks update-kubeconfig` or `gcloud container clusters get-credentials`).",
  });
}

function readFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    throw new KubeError('KUBECONFIG_INVALID', {
      what: `The kubeconfig cannot be read: ${(error as Error).message}`,
      where: file,
      next: 'Fix the file (kubectl config view shows what kubectl understands of it) or pass another one with --kubeconfig.',
      cause: error,
    });
  }
  return kc;
}

/** kubectl's merge rule: the first file that defines a name or a current-context wins. */
function mergeFirstWins(into: KubeConfig, other: KubeConfig): void {
  const names = (items: { name: string }[]) => new Set(items.map((i) => i.name));
  const clusters = names(into.clusters);
  const users = names(into.users);
  const contexts = names(into.contexts);
  into.loadFromOptions({
    clusters: [...into.clusters, ...other.clusters.filter((c) => !clusters.has(c.name))],
    users: [...into.users, ...other.users.filter((u) => !users.has(u.name))],
    contexts: [...into.contexts, ...other.contexts.filter((c) => !contexts.has(c.name))],
    currentContext: into.currentContext || other.currentContext,
  });
}

function selectContext(kc: KubeConfig, requested: string | undefined, files: string[]): KubeTarget {
  const where = files.join(', ');
  const available = kc.contexts.map((c) => c.name);
  const list =
    available.length > 0 ? `available: ${available.join(', ')}` : 'the kubeconfig defines no context';
  const name = requested ?? kc.currentContext;
  if (!name) {
    throw new KubeError('KUBE_CONTEXT_NOT_FOUND', {
      what: 'The kubeconfig has no current-context',
      where,
      next: `Pass --context=<name> (${list}) or run kubectl config use-context <name>.`,
    });
  }
  const context = kc.getContextObject(name);
  if (!context) {
    throw new KubeError('KUBE_CONTEXT_NOT_FOUND', {
      what: `Context "${name}" is not defined in the kubeconfig`,
      where,
      next: `Pass one of the defined contexts with --context (${list}).`,
    });
  }
  kc.setCurrentContext(name);
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new KubeError('KUBECONFIG_INVALID', {
      what: `Context "${name}" refers to cluster "${context.cluster}", which is not defined`,
      where,
      next: 'Fix the context or add the cluster (kubectl config view shows both).',
    });
  }
  if (context.user && !kc.getCurrentUser()) {
    throw new KubeError('KUBECONFIG_INVALID', {
      what: `Context "${name}" refers to user "${context.user}", which is not defined`,
      where,
      next: 'Fix the context or add the user (kubectl config view shows both).',
    });
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    // The client refuses plain HTTP unless the cluster says so explicitly.
    throw new KubeError('KUBECONFIG_INVALID', {
      what: `Cluster "${cluster.name}" uses plain http:// without insecure-skip-tls-verify: true, which the Kubernetes client refuses`,
      where,
      next: 'Use the https:// address of the API server, or set insecure-skip-tls-verify: true for a local test cluster.',
    });
  }
  return { context: name, server: cluster.server };
}
