/**
 * A fake Kubernetes API server on 127.0.0.1 for tests that drive the real @kubernetes/client-node:
 * /version, namespaces, pods (label and field selectors), secrets, and the pod portforward
 * subresource over WebSocket (v4.channel.k8s.io) piped to a real TCP endpoint per pod.
 * https needs the `openssl` binary (Node cannot issue certificates). It proves the client and
 * our use of it, not real authentication plugins, RBAC evaluation or kubelet behaviour.
 *
 *     const api = await startFakeKubeApi({ https: true, token: 't', namespaces: ['ns'], pods, secrets });
 *     createKubeGateway({ kubeconfig: api.kubeconfigPath });
 *     await api.stop();
 */
export { startFakeKubeApi } from './server';
export type { FakeKubeApi } from './server';
export { renderKubeconfig, writeKubeconfig } from './kubeconfig';
export type { KubeconfigContext, KubeconfigSpec } from './kubeconfig';
export { parseLabelSelector, parseFieldSelector, SelectorError } from './selectors';
export { V4_CHANNEL_PROTOCOL } from './port-forward';
export type {
  FakeKubeApiOptions,
  FakeNamespace,
  FakePod,
  FakeContainer,
  FakeEnvVar,
  FakeEnvFromSource,
  FakeSecret,
  ForbiddenRule,
  PodPhase,
  PortForwardTargets,
  RecordedRequest,
  Labels,
} from './types';
