import pg from 'pg';
import { InitManagerError } from './errors.js';
import type { Logger } from './logger.js';
import { describeDatabaseUrl, maskSecrets } from './mask-url.js';

export interface ConnectOptions {
  /** Names the service in messages. */
  service: string;
  applicationName: string;
  /** Total time to get a session, across every attempt; default 60000. */
  deadlineMs?: number;
  /** Cap of one attempt; default: what is left of the deadline (a slow server may use it all). */
  attemptTimeoutMs?: number;
  logger: Logger;
}

export const DEFAULT_CONNECT_DEADLINE_MS = 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * Opens the migration session. A server that is not up yet (connection refused, still starting,
 * too many connections, a connection cut or timed out, DNS not yet resolvable) is retried with
 * jittered exponential backoff until the deadline, as a pod needs while its database starts or
 * while many replicas start at once; wrong credentials or a missing database fail at once.
 * Every message names the host and database, never the password.
 */
export async function connectWithRetry(url: string, options: ConnectOptions): Promise<pg.Client> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_CONNECT_DEADLINE_MS;
  const where = describeDatabaseUrl(url);
  const started = performance.now();
  const left = () => deadlineMs - (performance.now() - started);
  // The reason the message gives: an attempt cut short by the deadline itself says "timeout",
  // which hides what the earlier attempts met (refused, starting up).
  let reported = '';
  for (let attempt = 1; ; attempt++) {
    const fullAttempt = options.attemptTimeoutMs !== undefined && left() >= options.attemptTimeoutMs;
    const timeout = Math.max(1, Math.round(Math.min(options.attemptTimeoutMs ?? Infinity, left())));
    try {
      return await openSession(url, options.applicationName, timeout);
    } catch (error) {
      const reason = describeError(error);
      if (reported === '' || fullAttempt || !isTimeout(error)) reported = reason;
      if (!isRetryable(error)) {
        throw new InitManagerError(
          'CONNECTION_FAILED',
          `Service "${options.service}" cannot connect to ${where}: ${reason}. Not retried: ` +
            `check the database URL (user, password, database name) and the server's pg_hba.conf.`,
        );
      }
      const delay = Math.min(left(), backoff(attempt));
      if (left() <= 0 || delay <= 0) {
        throw new InitManagerError(
          'CONNECTION_FAILED',
          `Service "${options.service}" cannot connect to ${where} within ${seconds(deadlineMs)} ` +
            `(${attempt} attempt(s); last: ${reported}). Check the database URL and that the server is running ` +
            `and reachable from here; raise connectDeadlineMs if it needs longer to start.`,
        );
      }
      options.logger.warn(
        `cannot connect to ${where} yet (attempt ${attempt}: ${reason}); retrying in ${seconds(delay)}, ` +
          `${seconds(left())} left of ${seconds(deadlineMs)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Server major versions of the sessions opened here, read from the connection's startup messages. */
const serverMajors = new WeakMap<pg.Client, number>();

async function openSession(url: string, applicationName: string, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: applicationName.slice(0, 63),
  });
  client.on('error', () => undefined);
  // The server announces its version while the session starts (ParameterStatus): no query needed.
  client.connection.on('parameterStatus', (message: { parameterName?: string; parameterValue?: string }) => {
    if (message.parameterName === 'server_version')
      serverMajors.set(client, Number.parseInt(message.parameterValue ?? '', 10));
  });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Prepares a session that is about to hold the migration lock: a replica killed mid-migration must
 * not keep the lock until its query ends (client_connection_check_interval, PG14+). Not needed for
 * the one read of a restart with nothing to do, which therefore sends no query for it.
 */
export async function prepareLockSession(client: pg.Client): Promise<void> {
  let major = serverMajors.get(client);
  if (major === undefined || !Number.isFinite(major)) {
    const { rows } = await client.query<{ v: number }>(
      `SELECT current_setting('server_version_num')::int AS v`,
    );
    major = Math.floor(rows[0].v / 10000);
  }
  if (major >= 14) await client.query(`SET client_connection_check_interval = 1000`);
}

/** SQLSTATEs of a server that exists but cannot take this session yet. */
const RETRYABLE_SQLSTATES = new Set([
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
  '53000', // insufficient_resources
  '57P01', // admin_shutdown: the server restarts
  '08006', // connection_failure
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
]);
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return RETRYABLE_SQLSTATES.has(code) || RETRYABLE_NETWORK_CODES.has(code);
  const message = error instanceof Error ? error.message : String(error);
  // pg's own wording for a socket closed or timed out before the session was ready.
  return /Connection terminated|timeout expired|connection timeout/i.test(message);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout expired|connection timeout/i.test(error.message);
}

function describeError(error: unknown): string {
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError
  // with an empty message.
  const inner = error instanceof AggregateError ? error.errors.map((e) => describeError(e)) : [];
  const message = inner.length
    ? [...new Set(inner)].join('; ')
    : error instanceof Error
      ? error.message
      : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const sqlstate = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? ` (SQLSTATE ${code})` : '';
  return maskSecrets(message || String(code ?? 'unknown error')) + sqlstate;
}

/** 250 ms, 500 ms, 1 s, 2 s, 4 s, 5 s, ... with jitter, so replicas that failed together spread out. */
function backoff(attempt: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
