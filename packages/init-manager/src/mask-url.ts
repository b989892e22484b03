/** Replaces the password of every URL-like credential in a text with `***`. */
export function maskSecrets(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)([^@\s/]*)@/gi, '$1***@');
}

/** `postgres://user:***@host:5432/db`, for messages and logs. */
export function maskDatabaseUrl(url: string): string {
  return maskSecrets(url);
}

/** `db on host:port`, the short form messages use to say which database they mean. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `database "${database}" on ${host}:${parsed.port || '5432'}`;
  } catch {
    return 'the database (unparsable URL)';
  }
}
