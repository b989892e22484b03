import { quoteIdent, quoteLiteral } from '@bakery-ia/init-manager';

export { quoteIdent, quoteLiteral };

/** `schema.name`, quoted where needed. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `'text'` or NULL, for COMMENT ON ... IS. */
export function commentLiteral(comment: string | undefined): string {
  return comment === undefined ? 'NULL' : quoteLiteral(comment);
}

/** Ends a statement with a semicolon (definitions printed by the server come without one). */
export function terminated(sql: string): string {
  const trimmed = sql.trim();
  return trimmed.endsWith(';') ? trimmed : `${trimmed};`;
}
