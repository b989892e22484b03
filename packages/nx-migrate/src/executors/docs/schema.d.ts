export interface DocsExecutorOptions {
  outputFile?: string;
  shadowUrl?: string;
  shadowUrlEnv?: string;
}
