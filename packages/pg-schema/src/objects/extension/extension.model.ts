export interface ExtensionInfo {
  name: string;
  schema: string;
  /** The installed version (pg_extension.extversion). */
  version: string;
  /**
   * The server's default version (its control file): a model without VERSION gets it, and SQL for
   * it is written without VERSION so it means "the default" on the server that applies it too.
   */
  defaultVersion?: string;
  /** Versions the server has update scripts to from `version` (pg_extension_update_paths). */
  updatableTo?: string[];
}
