import { expandEnvReferences } from './env-expansion.js';
import { KubeError } from './kube-errors.js';
import type { KubeGateway } from './kube-gateway.js';
import type { ContainerInfo, PodInfo } from './kube-objects.js';
import { pickPodForSpec } from './running-pod.js';

export interface ResolveDatabaseUrlOptions {
  gateway: KubeGateway;
  namespace: string;
  /** Label selector of the service's pods, e.g. `app.kubernetes.io/name=auth`. */
  podSelector: string;
  /** The container to read; by default the first one that defines the variable. */
  container?: string;
  /** Default `DATABASE_URL`. */
  envVar?: string;
}

export interface ResolvedDatabaseUrl {
  /** Holds a password: mask it before printing (maskDatabaseUrl). */
  url: string;
  pod: string;
  container: string;
  /** Where the value came from, for messages: `env value`, `secret "x" key "y"`. */
  source: string;
}

interface Found {
  value: string;
  source: string;
}

/**
 * Reads the database URL the service itself uses: the env var of a Running pod's container,
 * from a plain value, a secretKeyRef, or an envFrom secretRef, with `$(VAR)` references expanded
 * as the kubelet does. The value is never part of an error message.
 */
export async function resolveDatabaseUrl(options: ResolveDatabaseUrlOptions): Promise<ResolvedDatabaseUrl> {
  const { gateway, namespace } = options;
  const envVar = options.envVar ?? 'DATABASE_URL';
  const pod = await pickPodForSpec(gateway, namespace, options.podSelector, 'service');
  const where = `pod "${pod.name}", namespace "${namespace}", context "${gateway.target.context}"`;
  const candidates = candidateContainers(pod, options.container, where, envVar);
  const configMaps: string[] = [];
  for (const container of candidates) {
    const found = await new ContainerEnv(gateway, namespace, pod, container, configMaps).lookup(envVar);
    if (!found) continue;
    if (found.value.length === 0) {
      throw new KubeError('ENV_VAR_NOT_FOUND', {
        what: `Environment variable ${envVar} of container "${container.name}" is empty (from ${found.source})`,
        where,
        next: 'Fix the value in the deployment or its secret, or pass the database URL explicitly.',
      });
    }
    return { url: found.value, pod: pod.name, container: container.name, source: found.source };
  }
  const names = candidates.map((c) => `"${c.name}"`).join(', ');
  if (configMaps.length > 0) {
    throw new KubeError('ENV_VAR_UNSUPPORTED', {
      what: `${envVar} is not set directly or from a Secret in container ${names}; it may come from ConfigMap ${configMaps.map((n) => `"${n}"`).join(', ')} (envFrom), which is not read`,
      where,
      next: `Reference the URL from a Secret (secretKeyRef) or pass the database URL explicitly.`,
    });
  }
  throw new KubeError('ENV_VAR_NOT_FOUND', {
    what: `No environment variable ${envVar} in container ${names}`,
    where,
    next: 'Name the variable (and container) the service reads in migrate.config.json, or pass the database URL explicitly.',
  });
}

/** The named container, else those that may define the variable (explicit env first). */
function candidateContainers(
  pod: PodInfo,
  name: string | undefined,
  where: string,
  envVar: string,
): ContainerInfo[] {
  if (name) {
    const container = pod.containers.find((c) => c.name === name);
    if (container) return [container];
    throw new KubeError('CONTAINER_NOT_FOUND', {
      what: `Pod has no container "${name}" (its containers: ${pod.containers.map((c) => c.name).join(', ')})`,
      where,
      next: 'Fix the container name in migrate.config.json.',
    });
  }
  const direct = pod.containers.filter((c) => c.env.some((e) => e.name === envVar));
  const viaEnvFrom = pod.containers.filter((c) => !direct.includes(c) && c.envFrom.length > 0);
  const candidates = [...direct, ...viaEnvFrom];
  return candidates.length > 0 ? candidates : pod.containers;
}

/** One container's environment, resolved on demand with Kubernetes' precedence rules. */
class ContainerEnv {
  private readonly secrets = new Map<string, Promise<Record<string, string> | undefined>>();
  private readonly gateway: KubeGateway;
  private readonly namespace: string;
  private readonly pod: PodInfo;
  private readonly container: ContainerInfo;
  private readonly configMaps: string[];

  constructor(
    gateway: KubeGateway,
    namespace: string,
    pod: PodInfo,
    container: ContainerInfo,
    configMaps: string[],
  ) {
    this.gateway = gateway;
    this.namespace = namespace;
    this.pod = pod;
    this.container = container;
    this.configMaps = configMaps;
  }

  lookup(name: string): Promise<Found | undefined> {
    return this.valueBefore(name, this.container.env.length);
  }

  /** The value `name` has for entry `index` of `env`: a later env entry wins, then envFrom. */
  private async valueBefore(name: string, index: number): Promise<Found | undefined> {
    for (let i = index - 1; i >= 0; i--) {
      if (this.container.env[i].name === name) return this.entry(i);
    }
    return this.fromEnvFrom(name);
  }

  private async entry(index: number): Promise<Found | undefined> {
    const e = this.container.env[index];
    if (e.secretKeyRef) {
      const { name, key, optional } = e.secretKeyRef;
      const data = await this.secret(name, optional);
      if (data && Object.prototype.hasOwnProperty.call(data, key)) {
        return { value: data[key], source: `secret "${name}" key "${key}"` };
      }
      if (optional) return undefined;
      throw new KubeError('SECRET_KEY_NOT_FOUND', {
        what: `Secret "${name}" has no key "${key}", which ${e.name} of container "${this.container.name}" refers to (its keys: ${Object.keys(data ?? {}).join(', ') || 'none'})`,
        where: this.where(),
        next: 'Add the key to the secret or fix the reference in the deployment.',
      });
    }
    if (e.unsupportedSource !== undefined) {
      throw new KubeError('ENV_VAR_UNSUPPORTED', {
        what: `${e.name} of container "${this.container.name}" comes from ${e.unsupportedSource}, which is not read`,
        where: this.where(),
        next: 'Reference the URL from a Secret (secretKeyRef) or a plain value, or pass the database URL explicitly.',
      });
    }
    const raw = e.value ?? '';
    const value = await expandEnvReferences(raw, async (ref) => (await this.valueBefore(ref, index))?.value);
    return { value, source: raw.includes('$(') ? 'env value with $(VAR) references' : 'env value' };
  }

  private async fromEnvFrom(name: string): Promise<Found | undefined> {
    const sources = this.container.envFrom;
    for (let i = sources.length - 1; i >= 0; i--) {
      const { prefix, secretRef, configMapRef } = sources[i];
      if (!name.startsWith(prefix)) continue;
      const key = name.slice(prefix.length);
      if (secretRef) {
        const data = await this.secret(secretRef.name, secretRef.optional);
        if (data && Object.prototype.hasOwnProperty.call(data, key)) {
          return { value: data[key], source: `secret "${secretRef.name}" key "${key}" (envFrom)` };
        }
      }
      if (configMapRef && !this.configMaps.includes(configMapRef.name))
        this.configMaps.push(configMapRef.name);
    }
    return undefined;
  }

  /** An optional secret that is missing reads as absent, as the kubelet treats it. */
  private secret(name: string, optional: boolean): Promise<Record<string, string> | undefined> {
    const cacheKey = `${name}\n${optional}`;
    let pending = this.secrets.get(cacheKey);
    if (!pending) {
      pending = this.gateway.readSecret(this.namespace, name).catch((error: unknown) => {
        if (optional && error instanceof KubeError && error.code === 'SECRET_NOT_FOUND') return undefined;
        throw error;
      });
      this.secrets.set(cacheKey, pending);
    }
    return pending;
  }

  private where(): string {
    return `pod "${this.pod.name}", namespace "${this.namespace}", context "${this.gateway.target.context}"`;
  }
}
