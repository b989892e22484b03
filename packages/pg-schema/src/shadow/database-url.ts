/**
 * Connection URLs of shadow and test servers, which may name a Unix socket folder instead of a
 * TCP host. pg and libpq accept three spellings:
 *   postgres://user:pw@%2Ftmp%2Fsock:5432/db       (percent-encoded folder as the host; ours)
 *   postgres://user:pw@/db?host=/tmp/sock&port=5432 (empty host: WHATWG URL rejects it)
 *   postgres:///db?host=/tmp/sock
 */
/** `scheme://user:pw@` directly followed by the path: credentials and no host. */
const EMPTY_HOST = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*@)(?=\/)/i;
const PLACEHOLDER_HOST = 'pg-schema-empty-host.invalid';

/** The URL of another database on the same server, whatever spelling of the host it uses. */
export function withDatabase(serverUrl: string, database: string): string {
  const emptyHost = EMPTY_HOST.test(serverUrl);
  const url = new URL(emptyHost ? serverUrl.replace(EMPTY_HOST, `$1${PLACEHOLDER_HOST}`) : serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  const text = url.toString();
  return emptyHost ? text.replace(`@${PLACEHOLDER_HOST}`, '@') : text;
}

/** `postgres://user:password@<folder, percent-encoded>:port/database`: a socket, no TCP. */
export function socketUrl(options: {
  user: string;
  password: string;
  socketDir: string;
  port: number;
  database: string;
}): string {
  const { user, password, socketDir, port, database } = options;
  return (
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@` +
    `${encodeURIComponent(socketDir)}:${port}/${encodeURIComponent(database)}`
  );
}
