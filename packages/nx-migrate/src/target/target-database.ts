import { describeDatabaseUrl, normalizeEnvironment } from '@bakery-ia/init-manager';
import { PgSchemaError } from '@bakery-ia/pg-schema';
import type { ServiceContext } from '../executors/project-context.js';
import { resolveUrlOption } from '../executors/url-options.js';
import type { PreflightCheck } from '../kubernetes/index.js';

export interface TargetOptions {
  databaseUrl?: string;
  /** The name of an environment variable holding the URL (Nx never sees its value). */
  databaseUrlEnv?: string;
  k8s?: boolean;
  kubeconfig?: string;
  context?: string;
}

export interface TargetDatabase {
  /** Holds a password: never print it unmasked. */
  url: string;
  /** `database "auth" on 127.0.0.1:5432`, or with the pod for --k8s. */
  label: string;
  environment?: string;
  /** Where the environment came from, for messages. */
  environmentSource: string;
  /** The Kubernetes pre-flight (empty for a local target). */
  kubeChecks: PreflightCheck[];
  close(): Promise<void>;
}

/**
 * The database a command acts on: --database-url, else the env var named by the config, else
 * (--k8s) the URL the service's pod uses, reached through a port-forward tunnel.
 */
export async function openTargetDatabase(
  service: ServiceContext,
  options: TargetOptions,
): Promise<TargetDatabase> {
  if (options.k8s) return openKubeTarget(service, options);
  const envName = service.config.databaseUrlEnv;
  const given = resolveUrlOption({
    flag: 'database-url',
    url: options.databaseUrl,
    envName: options.databaseUrlEnv,
    suggestedEnv: envName,
  });
  const url = given || process.env[envName];
  if (!url) {
    throw new PgSchemaError(
      'USAGE',
      `no database for ${service.project}: set ${envName} (databaseUrlEnv in migrate.config.json), pass --database-url-env=<VARIABLE>, or use --k8s.`,
    );
  }
  const environment = process.env.ENVIRONMENT ?? service.config.environment;
  return {
    url,
    label: describeDatabaseUrl(url),
    environment: environment ? normalizeEnvironment(environment) : undefined,
    environmentSource: process.env.ENVIRONMENT
      ? 'ENVIRONMENT'
      : service.config.environment
        ? 'migrate.config.json'
        : 'not set',
    kubeChecks: [],
    close: async () => undefined,
  };
}

async function openKubeTarget(service: ServiceContext, options: TargetOptions): Promise<TargetDatabase> {
  // Loaded only for --k8s: @kubernetes/client-node takes ~1.5 s to load, which every
  // migrate-verify and migrate-clean task (one process each under Nx) paid before.
  const { createKubeGateway, openDatabaseTunnel, resolveDatabaseUrl, runKubePreflight } =
    await import('../kubernetes/index.js');
  const kube = service.config.kubernetes;
  const gateway = createKubeGateway({
    kubeconfig: options.kubeconfig,
    context: options.context ?? kube.context,
  });
  const kubeChecks = await runKubePreflight({
    gateway,
    namespace: kube.namespace,
    serviceSelector: kube.serviceSelector,
    databaseSelector: kube.databaseSelector,
  });
  if (kubeChecks.some((check) => check.status === 'failure')) {
    return {
      url: '',
      label: `namespace ${kube.namespace}`,
      environmentSource: 'unknown',
      kubeChecks,
      close: async () => undefined,
    };
  }
  const namespace = await gateway.readNamespace(kube.namespace);
  const resolved = await resolveDatabaseUrl({
    gateway,
    namespace: kube.namespace,
    podSelector: kube.serviceSelector,
    container: kube.container,
    envVar: kube.databaseUrlEnv,
  });
  const tunnel = await openDatabaseTunnel({
    gateway,
    namespace: kube.namespace,
    databaseSelector: kube.databaseSelector,
    databasePort: kube.databasePort,
    databaseUrl: resolved.url,
  });
  const labelled = namespace.labels.environment;
  const environment = labelled ?? process.env.ENVIRONMENT ?? service.config.environment;
  return {
    url: tunnel.url,
    label: `${describeDatabaseUrl(resolved.url)} via pod ${tunnel.pod} in namespace ${kube.namespace} (port-forward 127.0.0.1:${tunnel.localPort})`,
    environment: environment ? normalizeEnvironment(environment) : undefined,
    environmentSource: labelled
      ? `label environment=${labelled} of namespace ${kube.namespace}`
      : process.env.ENVIRONMENT
        ? 'ENVIRONMENT'
        : service.config.environment
          ? 'migrate.config.json'
          : 'not set',
    kubeChecks,
    close: () => tunnel.close(),
  };
}
