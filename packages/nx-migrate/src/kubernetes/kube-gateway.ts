import {
  CoreV1Api,
  Observable,
  VersionApi,
  type ConfigurationOptions,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import { loadKubeConfig, type KubeConfigOptions } from './kube-config.js';
import { KubeError, toKubeError, type KubeCall, type KubeTarget } from './kube-errors.js';
import {
  decodeSecretData,
  namespaceInfo,
  podInfo,
  type ClusterVersion,
  type NamespaceInfo,
  type PodInfo,
} from './kube-objects.js';
import { startPortForward, type PortForwardHandle } from './kube-port-forward.js';

export interface KubeGatewayOptions extends KubeConfigOptions {
  /** Per API request; a request that takes longer counts as "cluster unreachable". Default 15 s. */
  timeoutMs?: number;
}

/** The only way this plugin talks to a cluster. Every failure is a KubeError. */
export interface KubeGateway {
  readonly target: KubeTarget;
  version(): Promise<ClusterVersion>;
  /** `exists: false` for a namespace that is not there (not an error). */
  readNamespace(namespace: string): Promise<NamespaceInfo>;
  listPods(
    namespace: string,
    labelSelector: string,
    options?: { fieldSelector?: string },
  ): Promise<PodInfo[]>;
  readPod(namespace: string, name: string): Promise<PodInfo>;
  /** All keys of a Secret, decoded. Callers must never print the values. */
  readSecret(namespace: string, name: string): Promise<Record<string, string>>;
  readSecretKey(namespace: string, name: string, key: string): Promise<string>;
  /** Forwards 127.0.0.1:<localPort> to the pod's port; the pod must be Running. */
  portForward(namespace: string, pod: string, remotePort: number): Promise<PortForwardHandle>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function createKubeGateway(options: KubeGatewayOptions = {}): KubeGateway {
  const { kubeConfig, target } = loadKubeConfig(options);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const versionApi = kubeConfig.makeApiClient(VersionApi);
  const requestOptions = withTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  const call = async <T>(site: Omit<KubeCall, 'target'>, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toKubeError(error, { ...site, target });
    }
  };

  const readPod = (namespace: string, name: string): Promise<PodInfo> =>
    call({ verb: 'get', resource: 'pods', namespace, name }, async () =>
      podInfo(await core.readNamespacedPod({ namespace, name }, requestOptions)),
    );

  const readSecret = (namespace: string, name: string): Promise<Record<string, string>> =>
    call({ verb: 'get', resource: 'secrets', namespace, name }, async () => {
      const secret = await core.readNamespacedSecret({ namespace, name }, requestOptions);
      return decodeSecretData(secret.data);
    });

  return {
    target,
    version: () =>
      call({ verb: 'get', resource: 'version' }, async () => {
        const v = await versionApi.getCode({}, requestOptions);
        return { gitVersion: v.gitVersion, major: v.major, minor: v.minor, platform: v.platform };
      }),

    readNamespace: (name) =>
      call({ verb: 'get', resource: 'namespaces', name }, async () => {
        try {
          return namespaceInfo(name, await core.readNamespace({ name }, requestOptions));
        } catch (error) {
          if ((error as { code?: unknown }).code === 404) return namespaceInfo(name, undefined);
          throw error;
        }
      }),

    listPods: (namespace, labelSelector, listOptions = {}) =>
      call({ verb: 'list', resource: 'pods', namespace }, async () => {
        const list = await core.listNamespacedPod(
          { namespace, labelSelector, fieldSelector: listOptions.fieldSelector },
          requestOptions,
        );
        return list.items.map(podInfo);
      }),

    readPod,
    readSecret,

    async readSecretKey(namespace, name, key) {
      const data = await readSecret(namespace, name);
      if (Object.prototype.hasOwnProperty.call(data, key)) return data[key];
      const keys = Object.keys(data);
      throw new KubeError('SECRET_KEY_NOT_FOUND', {
        what: `Secret "${name}" has no key "${key}" (its keys: ${keys.length > 0 ? keys.join(', ') : 'none'})`,
        where: `namespace "${namespace}", context "${target.context}"`,
        next: 'Fix the key the pod or the config refers to, or add it to the secret.',
      });
    },

    async portForward(namespace, pod, remotePort) {
      const info = await readPod(namespace, pod);
      if (info.phase !== 'Running') {
        throw new KubeError('NO_RUNNING_POD', {
          what: `Pod "${pod}" is ${info.phase}, not Running, so its port ${remotePort} cannot be forwarded`,
          where: `namespace "${namespace}", context "${target.context}"`,
          next: 'Wait for the pod to start (kubectl get pod -w) or pick another one, then retry.',
        });
      }
      const site: KubeCall = { verb: 'create', resource: 'pods/portforward', namespace, name: pod, target };
      return startPortForward({ kubeConfig, call: site, namespace, pod, remotePort });
    },
  };
}

/** Aborts each request after `ms`; AbortSignal.timeout does not keep the process alive. */
function withTimeout(ms: number): ConfigurationOptions {
  const timeout: ObservableMiddleware = {
    pre: (context) => {
      context.setSignal(AbortSignal.timeout(ms));
      return new Observable(Promise.resolve(context));
    },
    post: (response) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [timeout], middlewareMergeStrategy: 'append' };
}
