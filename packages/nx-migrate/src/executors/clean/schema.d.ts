export interface CleanExecutorOptions {
  yes?: boolean;
  dryRun?: boolean;
  databaseUrl?: string;
  databaseUrlEnv?: string;
  k8s?: boolean;
  kubeconfig?: string;
  context?: string;
  allowProduction?: boolean;
  preflight?: boolean;
  ignorePreflight?: boolean;
}
