/** What most catalog entries have: a schema-qualified name and an optional comment. */
export interface Named {
  schema: string;
  name: string;
  comment?: string;
}
