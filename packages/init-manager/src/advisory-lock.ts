import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { InitManagerError } from './errors.js';

/** A stable 64-bit advisory lock key per service, so replicas of one service serialise. */
export function serviceLockKey(service: string): bigint {
  return createHash('sha256').update(`init-manager:${service}`).digest().readBigInt64BE(0);
}

/**
 * Takes the session-level advisory lock of a service, waiting at most `waitMs` (0 = do not wait).
 * On timeout the error says which connection holds it, so an operator can find the stuck replica.
 */
export async function acquireServiceLock(client: ClientBase, service: string, waitMs: number): Promise<void> {
  const key = serviceLockKey(service).toString();
  if (waitMs <= 0) {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS locked',
      [key],
    );
    if (rows[0].locked) return;
  } else {
    await client.query(`SET lock_timeout = ${Math.ceil(waitMs)}`);
    try {
      await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03') throw error;
    } finally {
      await client.query('RESET lock_timeout');
    }
  }
  const holder = await describeLockHolder(client, service);
  throw new InitManagerError(
    'LOCK_TIMEOUT',
    `Another process has been applying migrations for service "${service}" for longer than ${waitMs} ms ` +
      `(${holder}). It is probably still migrating: wait for it, or raise lockWaitTimeoutMs; if it is stuck, ` +
      `end it with SELECT pg_terminate_backend(pid).`,
  );
}

export async function releaseServiceLock(client: ClientBase, service: string): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1::bigint)', [serviceLockKey(service).toString()]);
}

/** `pid 123, application "init-manager/auth/pod-1:7", from 10.0.0.4, connected at ...`. */
export async function describeLockHolder(client: ClientBase, service: string): Promise<string> {
  const key = serviceLockKey(service);
  const unsigned = BigInt.asUintN(64, key);
  const classid = Number(unsigned >> 32n);
  const objid = Number(unsigned & 0xffffffffn);
  const { rows } = await client.query<{
    pid: number;
    application_name: string;
    client_addr: string | null;
    backend_start: Date;
    state: string;
  }>(
    `SELECT a.pid, a.application_name, host(a.client_addr) AS client_addr, a.backend_start, a.state
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1`,
    [classid, objid],
  );
  if (rows.length === 0) return 'the holder is not visible to this role';
  const row = rows[0];
  return (
    `held by pid ${row.pid}, application "${row.application_name || '?'}"` +
    `${row.client_addr ? ` from ${row.client_addr}` : ''}, connected at ${row.backend_start.toISOString()}, state ${row.state}`
  );
}
