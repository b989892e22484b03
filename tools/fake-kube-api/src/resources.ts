import { createHash } from 'node:crypto';
import type { FakeNamespace, FakePod, FakeSecret } from './types';
import type { PodFields } from './selectors';

/** Fixed timestamps and derived uids keep responses stable between runs. */
const CREATED = '2024-01-01T00:00:00Z';

function uidOf(kind: string, namespace: string, name: string): string {
  const h = createHash('sha1').update(`${kind}/${namespace}/${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function namespaceJson(ns: FakeNamespace) {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name: ns.name,
      uid: uidOf('Namespace', '', ns.name),
      resourceVersion: '1',
      creationTimestamp: CREATED,
      // Real API servers add this label to every namespace.
      labels: { 'kubernetes.io/metadata.name': ns.name, ...ns.labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function podPhase(pod: FakePod): string {
  return pod.phase ?? 'Running';
}

export function podUid(pod: FakePod): string {
  return uidOf('Pod', pod.namespace, pod.name);
}

function podIp(pod: FakePod): string {
  const n = parseInt(podUid(pod).slice(0, 4), 16);
  return `10.244.${(n >> 8) % 250}.${(n % 250) + 2}`;
}

export function podFields(pod: FakePod): PodFields {
  return {
    'metadata.name': pod.name,
    'metadata.namespace': pod.namespace,
    'status.phase': podPhase(pod),
    'spec.nodeName': pod.nodeName ?? 'fake-node',
    'status.podIP': podPhase(pod) === 'Running' ? podIp(pod) : '',
  };
}

export function podJson(pod: FakePod) {
  const phase = podPhase(pod);
  const running = phase === 'Running';
  const ready = pod.ready ?? running;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      uid: podUid(pod),
      resourceVersion: '1',
      creationTimestamp: CREATED,
      labels: pod.labels ?? {},
    },
    spec: {
      nodeName: pod.nodeName ?? 'fake-node',
      restartPolicy: 'Always',
      containers: pod.containers.map((c) => ({
        name: c.name,
        image: c.image ?? `${c.name}:latest`,
        env: c.env,
        envFrom: c.envFrom,
        ports: c.ports?.map((port) => ({ containerPort: port, protocol: 'TCP' })),
      })),
    },
    status: {
      phase,
      podIP: running ? podIp(pod) : undefined,
      startTime: CREATED,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: CREATED },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: CREATED },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: CREATED },
      ],
      containerStatuses: pod.containers.map((c) => ({
        name: c.name,
        image: c.image ?? `${c.name}:latest`,
        imageID: '',
        ready,
        started: running,
        restartCount: 0,
        state: running
          ? { running: { startedAt: CREATED } }
          : { waiting: { reason: phase === 'Pending' ? 'ContainerCreating' : phase } },
      })),
    },
  };
}

export function secretJson(secret: FakeSecret) {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret.data ?? {})) {
    data[key] = Buffer.from(value, 'utf8').toString('base64');
  }
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: {
      name: secret.name,
      namespace: secret.namespace,
      uid: uidOf('Secret', secret.namespace, secret.name),
      resourceVersion: '1',
      creationTimestamp: CREATED,
    },
    type: secret.type ?? 'Opaque',
    data,
  };
}

export function listJson(kind: string, items: unknown[]) {
  return { kind, apiVersion: 'v1', metadata: { resourceVersion: '1' }, items };
}
