/** COMMENT ON statements; each kind names its own target (`<kind>.sql.ts`), these are shared. */
import { commentLiteral, qualified, quoteIdent } from './sql-text.js';
import { splitTableId } from '../catalog/object-id.js';

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
