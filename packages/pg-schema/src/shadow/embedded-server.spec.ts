import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBinariesReachable, unenterableFolder } from './embedded-server';

describe('embedded binaries reachable by the postgres user', () => {
  let root: string;
  let binary: string;
  const stranger = { name: 'postgres', uid: 54_321, gid: 54_321 };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-schema-bin-access-'));
    mkdirSync(join(root, 'native', 'bin'), { recursive: true });
    binary = join(root, 'native', 'bin', 'initdb');
    writeFileSync(binary, '');
    chmodSync(root, 0o755);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds nothing when every folder up to / may be entered', () => {
    expect(unenterableFolder(binary, stranger)).toBeUndefined();
    expect(() => assertBinariesReachable(binary, stranger)).not.toThrow();
  });

  it('names a private folder (mode 700, as mktemp -d and /root are) with the fix', () => {
    chmodSync(root, 0o700);
    expect(unenterableFolder(binary, stranger)).toBe(root);
    expect(() => assertBinariesReachable(binary, stranger)).toThrow(
      `cannot enter ${root} (mode 700), which holds its binaries (${binary}). Allow it (chmod o+x ${root})`,
    );
  });

  it('checks the owner bits when the user owns the folder, the group bits for its group', () => {
    chmodSync(root, 0o700);
    const owner = { name: 'me', uid: process.getuid?.(), gid: 54_321 };
    expect(unenterableFolder(binary, owner)).toBeUndefined();
    chmodSync(root, 0o710);
    const groupMember = { name: 'member', uid: 54_321, gid: process.getgid?.() };
    expect(unenterableFolder(binary, groupMember)).toBeUndefined();
  });
});
