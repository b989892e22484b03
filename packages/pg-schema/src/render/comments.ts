import { commentLiteral, qualified, quoteIdent } from './sql-text.js';
import { splitTableId } from '../catalog/object-id.js';

/** `COMMENT ON <target> IS ...` for each commentable kind. */
export const commentTargets = {
  schema: (name: string) => `SCHEMA ${quoteIdent(name)}`,
  table: (schema: string, name: string) => `TABLE ${qualified(schema, name)}`,
  column: (schema: string, table: string, column: string) =>
    `COLUMN ${qualified(schema, table)}.${quoteIdent(column)}`,
  view: (schema: string, name: string, materialized: boolean) =>
    `${materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(schema, name)}`,
  index: (schema: string, name: string) => `INDEX ${qualified(schema, name)}`,
  sequence: (schema: string, name: string) => `SEQUENCE ${qualified(schema, name)}`,
  type: (schema: string, name: string) => `TYPE ${qualified(schema, name)}`,
  domain: (schema: string, name: string) => `DOMAIN ${qualified(schema, name)}`,
  function: (kind: string, signature: string) => `${kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${signature}`,
  onTable: (what: 'TRIGGER' | 'POLICY' | 'CONSTRAINT', name: string, tableId: string) => {
    const [schema, table] = splitTableId(tableId);
    return `${what} ${quoteIdent(name)} ON ${qualified(schema, table)}`;
  },
};

/** `COLUMN public.t.c`: a column of a table or view. */
export const columnCommentTarget = (schema: string, relation: string, column: string) =>
  `COLUMN ${qualified(schema, relation)}.${quoteIdent(column)}`;

/** `TRIGGER t ON public.x`: objects named within their table. */
export function onTableCommentTarget(
  what: 'TRIGGER' | 'POLICY' | 'CONSTRAINT',
  name: string,
  tableId: string,
) {
  const [schema, table] = splitTableId(tableId);
  return `${what} ${quoteIdent(name)} ON ${qualified(schema, table)}`;
}

export function commentSql(target: string, comment: string | undefined): string {
  return `COMMENT ON ${target} IS ${commentLiteral(comment)};`;
}
