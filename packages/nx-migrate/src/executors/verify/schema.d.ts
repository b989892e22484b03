export interface VerifyExecutorOptions {
  live?: boolean;
  outputFormat?: 'text' | 'json' | 'junit';
  outputFile?: string;
  failOn?: 'error' | 'warning' | 'info' | 'none';
  failOnHazard?: 'error' | 'warning' | 'info' | 'none';
  databaseUrl?: string;
  databaseUrlEnv?: string;
  k8s?: boolean;
  kubeconfig?: string;
  context?: string;
  shadowUrl?: string;
  shadowUrlEnv?: string;
  roundTrip?: boolean;
  preflight?: boolean;
  ignorePreflight?: boolean;
}
