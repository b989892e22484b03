export interface ExtensionInfo {
  name: string;
  schema: string;
}
