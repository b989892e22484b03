export type SchemaInfo = { name: string; comment?: string };
