export { createKubeGateway } from './kube-gateway.js';
export type { KubeGateway, KubeGatewayOptions } from './kube-gateway.js';
export { loadKubeConfig } from './kube-config.js';
export type { KubeConfigOptions, LoadedKubeConfig } from './kube-config.js';
export { KubeError, isKubeError } from './kube-errors.js';
export type { KubeErrorCode, KubeTarget } from './kube-errors.js';
export type {
  ClusterVersion,
  NamespaceInfo,
  PodInfo,
  ContainerInfo,
  EnvVarInfo,
  EnvFromInfo,
} from './kube-objects.js';
export type { PortForwardHandle } from './kube-port-forward.js';
export { resolveDatabaseUrl } from './resolve-database-url.js';
export type { ResolveDatabaseUrlOptions, ResolvedDatabaseUrl } from './resolve-database-url.js';
export { openDatabaseTunnel, withDatabaseTunnel, rewriteDatabaseUrl } from './database-tunnel.js';
export type { DatabaseTunnel, DatabaseTunnelOptions } from './database-tunnel.js';
export { runKubePreflight, KUBE_CHECKS } from './kube-preflight.js';
export type { PreflightCheck, CheckStatus, KubePreflightOptions } from './kube-preflight.js';
