import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/** An OS account as the kernel checks it (supplementary groups aside). */
export interface UnixUser {
  name: string;
  uid: number;
  gid: number;
}

export interface BlockingFolder {
  path: string;
  /** `700`, as `ls -l` would show the permission bits. */
  mode: string;
}

/**
 * Every folder above `path` that `user` may not enter (no search bit for them), outermost last:
 * all of them at once, so one message can name every `chmod` needed. Owner, then group, then
 * other bits, as the kernel checks them.
 */
export function blockingFolders(path: string, user: UnixUser): BlockingFolder[] {
  const blocking: BlockingFolder[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) blocking.push({ path: dir, mode: (mode & 0o777).toString(8) });
    if (dirname(dir) === dir) return blocking;
  }
}

export function formatBlockingFolders(folders: BlockingFolder[]): string {
  return folders.map((folder) => `${folder.path} (mode ${folder.mode})`).join(', ');
}
