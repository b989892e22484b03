import type { V1Container, V1Namespace, V1Pod } from '@kubernetes/client-node';

/** The plain views of cluster objects the gateway returns (no client classes leak out). */

export interface ClusterVersion {
  gitVersion: string;
  major: string;
  minor: string;
  platform: string;
}

export interface NamespaceInfo {
  name: string;
  exists: boolean;
  labels: Record<string, string>;
}

export interface EnvVarInfo {
  name: string;
  value?: string;
  secretKeyRef?: { name: string; key: string; optional: boolean };
  /** Set when the value comes from a source these tools do not read (configMapKeyRef, fieldRef, ...). */
  unsupportedSource?: string;
}

export interface EnvFromInfo {
  prefix: string;
  secretRef?: { name: string; optional: boolean };
  configMapRef?: { name: string };
}

export interface ContainerInfo {
  name: string;
  env: EnvVarInfo[];
  envFrom: EnvFromInfo[];
  ports: number[];
}

export interface PodInfo {
  name: string;
  namespace: string;
  phase: string;
  /** The pod's Ready condition is True. */
  ready: boolean;
  labels: Record<string, string>;
  containers: ContainerInfo[];
}

export function namespaceInfo(name: string, ns: V1Namespace | undefined): NamespaceInfo {
  return { name, exists: ns !== undefined, labels: { ...(ns?.metadata?.labels ?? {}) } };
}

export function podInfo(pod: V1Pod): PodInfo {
  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ready: (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    labels: { ...(pod.metadata?.labels ?? {}) },
    containers: (pod.spec?.containers ?? []).map(containerInfo),
  };
}

function containerInfo(c: V1Container): ContainerInfo {
  return {
    name: c.name,
    env: (c.env ?? []).map((e) => {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        return {
          name: e.name,
          secretKeyRef: { name: ref.name ?? '', key: ref.key, optional: ref.optional ?? false },
        };
      }
      if (e.valueFrom) {
        const kinds = Object.entries(e.valueFrom).filter(([, v]) => v !== undefined && v !== null);
        return { name: e.name, unsupportedSource: kinds.map(([k]) => k).join(', ') || 'valueFrom' };
      }
      return { name: e.name, value: e.value ?? '' };
    }),
    envFrom: (c.envFrom ?? []).map((source) => ({
      prefix: source.prefix ?? '',
      secretRef: source.secretRef
        ? { name: source.secretRef.name ?? '', optional: source.secretRef.optional ?? false }
        : undefined,
      configMapRef: source.configMapRef ? { name: source.configMapRef.name ?? '' } : undefined,
    })),
    ports: (c.ports ?? []).map((p) => p.containerPort),
  };
}

export function decodeSecretData(data: Record<string, string> | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {}))
    decoded[key] = Buffer.from(value, 'base64').toString('utf8');
  return decoded;
}
