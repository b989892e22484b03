/** Replaces the password of every URL-like credential in a text with `***`. */
export function maskSecrets(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)([^@\s/]*)@/gi, '$1***@');
}

/** `postgres://user:***@host:5432/db`, for messages and logs. */
export function maskDatabaseUrl(url: string): string {
  return maskSecrets(url);
}

/**
 * `db on host:port`, the short form messages use to say which database they mean. A Unix socket
 * folder (percent-encoded host, `?host=`, or `user@/db?host=`, which WHATWG URL rejects) is shown
 * as the folder, as libpq reads it: the `host` parameter wins over the URL's host.
 */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*@)(?=\/)/i, '$1localhost'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    const host = parsed.searchParams.get('host') || decodeURIComponent(parsed.hostname) || 'localhost';
    return `database "${database}" on ${host}:${parsed.searchParams.get('port') || parsed.port || '5432'}`;
  } catch {
    return 'the database (unparsable URL)';
  }
}
