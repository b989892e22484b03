import { isKubeError } from './kube-errors.js';
import type { KubeGateway } from './kube-gateway.js';
import { describePhases, runningPods } from './running-pod.js';

export type CheckStatus = 'ok' | 'warning' | 'failure';

export interface PreflightCheck {
  name: string;
  status: CheckStatus;
  detail: string;
}

export interface KubePreflightOptions {
  gateway: KubeGateway;
  namespace: string;
  /** Label selector of the service's pods. */
  serviceSelector: string;
  /** Label selector of the database pods. */
  databaseSelector: string;
}

export const KUBE_CHECKS = {
  cluster: 'kubernetes cluster',
  namespace: 'kubernetes namespace',
  servicePods: 'service pods',
  databasePod: 'database pod',
} as const;

/**
 * The Kubernetes part of pre-flight: cluster reachable (and its version), namespace present (and
 * its `environment` label), service pods Running, a database pod Running. Never throws for a
 * cluster problem; each check says what it found. Later checks are skipped (as warnings saying
 * so) when the cluster or the namespace is not there.
 */
export async function runKubePreflight(options: KubePreflightOptions): Promise<PreflightCheck[]> {
  const { gateway, namespace } = options;
  const checks: PreflightCheck[] = [];
  const skipRest = (reason: string): PreflightCheck[] => {
    const names = Object.values(KUBE_CHECKS).filter((n) => !checks.some((c) => c.name === n));
    return [
      ...checks,
      ...names.map((name) => ({ name, status: 'warning' as const, detail: `not checked: ${reason}` })),
    ];
  };

  const cluster = await attempt(KUBE_CHECKS.cluster, async () => {
    const v = await gateway.version();
    return ok(
      KUBE_CHECKS.cluster,
      `reachable: ${gateway.target.server} (context "${gateway.target.context}"), Kubernetes ${v.gitVersion}`,
    );
  });
  checks.push(cluster);
  if (cluster.status === 'failure') return skipRest('the cluster is not reachable');

  const ns = await attempt(KUBE_CHECKS.namespace, async () => {
    const info = await gateway.readNamespace(namespace);
    if (!info.exists) return failure(KUBE_CHECKS.namespace, `namespace "${namespace}" does not exist`);
    const environment = info.labels.environment;
    const label = environment ? ` (environment: ${environment})` : ' (no environment label)';
    return ok(KUBE_CHECKS.namespace, `namespace "${namespace}" exists${label}`);
  });
  checks.push(ns);
  if (ns.status === 'failure') return skipRest(`namespace "${namespace}" is not available`);

  // Service pods that are not Running only warn: their spec still holds the database URL.
  checks.push(
    asWarning(await podsCheck(gateway, namespace, KUBE_CHECKS.servicePods, options.serviceSelector)),
  );
  checks.push(await podsCheck(gateway, namespace, KUBE_CHECKS.databasePod, options.databaseSelector));
  return checks;
}

async function podsCheck(
  gateway: KubeGateway,
  namespace: string,
  name: string,
  selector: string,
): Promise<PreflightCheck> {
  return attempt(name, async () => {
    const pods = await gateway.listPods(namespace, selector);
    if (pods.length === 0) return failure(name, `no pod matches "${selector}" in namespace "${namespace}"`);
    const running = runningPods(pods);
    const counted = `${running.length} of ${pods.length} pods Running`;
    const scope = `for "${selector}"`;
    if (running.length === 0) return failure(name, `${counted} (${describePhases(pods)}) ${scope}`);
    const notReady = running.filter((p) => !p.ready).length;
    if (notReady === running.length)
      return { name, status: 'warning', detail: `${counted} ${scope}, none ready yet` };
    const names = running.map((p) => p.name).join(', ');
    return ok(name, `${counted} ${scope}${notReady > 0 ? `, ${notReady} not ready` : ''}: ${names}`);
  });
}

function asWarning(check: PreflightCheck): PreflightCheck {
  return check.status === 'failure' && check.detail.includes('Running')
    ? { ...check, status: 'warning' }
    : check;
}

/** A KubeError becomes a failing check with its message; anything else is a bug and propagates. */
async function attempt(name: string, run: () => Promise<PreflightCheck>): Promise<PreflightCheck> {
  try {
    return await run();
  } catch (error) {
    if (isKubeError(error)) return failure(name, error.message);
    throw error;
  }
}

function ok(name: string, detail: string): PreflightCheck {
  return { name, status: 'ok', detail };
}

function failure(name: string, detail: string): PreflightCheck {
  return { name, status: 'failure', detail };
}
