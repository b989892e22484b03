export interface GenerateExecutorOptions {
  name?: string;
  dryRun?: boolean;
  check?: boolean;
  shadowUrl?: string;
  preflight?: boolean;
  ignorePreflight?: boolean;
}
