export interface PolicyInfo {
  name: string;
  /** Id of the table the policy is on. */
  table: string;
  permissive: boolean;
  /** ALL, SELECT, INSERT, UPDATE or DELETE. */
  command: string;
  roles: string[];
  using?: string;
  withCheck?: string;
  comment?: string;
}
