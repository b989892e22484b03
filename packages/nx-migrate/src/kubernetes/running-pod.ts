import { KubeError } from './kube-errors.js';
import type { KubeGateway } from './kube-gateway.js';
import type { PodInfo } from './kube-objects.js';

/** Running pods first ready, then by name, so the choice is stable between runs. */
export function runningPods(pods: PodInfo[]): PodInfo[] {
  return pods
    .filter((p) => p.phase === 'Running')
    .sort((a, b) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name));
}

/** "2 Pending, 1 Failed" */
export function describePhases(pods: PodInfo[]): string {
  const counts = new Map<string, number>();
  for (const pod of pods) counts.set(pod.phase, (counts.get(pod.phase) ?? 0) + 1);
  return [...counts].map(([phase, n]) => `${n} ${phase}`).join(', ');
}

/**
 * The pod to use for a selector: a Running one (ready preferred). When none matches, says whether
 * the namespace is missing, nothing matches, or the matches are not Running.
 */
export async function pickRunningPod(
  gateway: KubeGateway,
  namespace: string,
  labelSelector: string,
  purpose: string,
): Promise<PodInfo> {
  const pods = await gateway.listPods(namespace, labelSelector);
  const [pod] = runningPods(pods);
  if (pod) return pod;
  const where = `namespace "${namespace}", context "${gateway.target.context}"`;
  if (pods.length === 0) {
    // A list in a missing namespace is empty, so tell that case apart.
    const ns = await gateway.readNamespace(namespace);
    if (!ns.exists) {
      throw new KubeError('NAMESPACE_NOT_FOUND', {
        what: `Namespace "${namespace}" does not exist`,
        where: `context "${gateway.target.context}", API server ${gateway.target.server}`,
        next: "Check the namespace in the service's migrate.config.json (kubectl get namespaces), or pick the right cluster with --context.",
      });
    }
    throw new KubeError('NO_RUNNING_POD', {
      what: `No pod matches the ${purpose} selector "${labelSelector}"`,
      where,
      next: `Check the selector in migrate.config.json against kubectl get pods -l '${labelSelector}' -n ${namespace}, or deploy the ${purpose}.`,
    });
  }
  throw new KubeError('NO_RUNNING_POD', {
    what: `No Running pod for the ${purpose} selector "${labelSelector}" (found ${describePhases(pods)})`,
    where,
    next: `Wait for a pod to start (kubectl get pods -l '${labelSelector}' -n ${namespace} -w), then retry.`,
  });
}

/**
 * A pod whose spec can be read: a Running one when there is one, else any (a service whose
 * migration init container fails stays Pending, and that is when a developer wants to clean
 * its database; the URL is in the spec whatever the phase).
 */
export async function pickPodForSpec(
  gateway: KubeGateway,
  namespace: string,
  labelSelector: string,
  purpose: string,
): Promise<PodInfo> {
  const pods = await gateway.listPods(namespace, labelSelector);
  const [pod] = [...runningPods(pods), ...pods];
  return pod ?? pickRunningPod(gateway, namespace, labelSelector, purpose);
}
