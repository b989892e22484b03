export interface GenerateExecutorOptions {
  name?: string;
  dryRun?: boolean;
  check?: boolean;
  shadowUrl?: string;
  shadowUrlEnv?: string;
  preflight?: boolean;
  ignorePreflight?: boolean;
}
