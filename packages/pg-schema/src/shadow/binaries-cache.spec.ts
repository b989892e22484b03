import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCopy, privateBinariesCopy, publishCopy, treeFingerprint } from './binaries-cache';
import type { UnixUser } from './folder-access';

/** The copy logic on a small stand-in for the platform package's `native` folder. */
describe('private copy of the embedded binaries', () => {
  let root: string;
  let source: string;
  let base: string;
  const me: UnixUser = { name: 'me', uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-schema-bincache-'));
    source = join(root, 'native');
    base = join(root, 'cache');
    mkdirSync(base);
    mkdirSync(join(source, 'bin'), { recursive: true });
    mkdirSync(join(source, 'lib'));
    mkdirSync(join(source, 'share', 'postgresql'), { recursive: true });
    writeFileSync(join(source, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(source, 'lib', 'libpq.so.5.18'), 'lib');
    symlinkSync('libpq.so.5.18', join(source, 'lib', 'libpq.so.5'));
    writeFileSync(join(source, 'share', 'postgresql', 'postgres.bki'), 'bki');
    writeFileSync(join(source, 'pg-symlinks.json'), '[]'); // not part of the copy
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const copies = () => readdirSync(base);

  it('copies bin, lib and share with modes and relative links, private to the owner', () => {
    const copy = privateBinariesCopy({ source, owner: me, base });
    expect(copies()).toEqual([copy.slice(base.length + 1)]);
    expect(copy).toMatch(/\/pg-schema-binaries-me-[0-9a-f]{16}$/);
    expect(readdirSync(copy).sort()).toEqual(['bin', 'lib', 'pg-schema-binaries.json', 'share']);
    expect(statSync(copy).mode & 0o777).toBe(0o700);
    expect(statSync(join(copy, 'bin', 'postgres')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(copy, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(readFileSync(join(copy, 'share', 'postgresql', 'postgres.bki'), 'utf8')).toBe('bki');
  });

  it('reuses the copy while the binaries are the same, and makes a new one when they change', () => {
    const first = privateBinariesCopy({ source, owner: me, base });
    const inode = lstatSync(join(first, 'bin', 'postgres')).ino;
    expect(privateBinariesCopy({ source, owner: me, base })).toBe(first);
    expect(lstatSync(join(first, 'bin', 'postgres')).ino).toBe(inode);
    writeFileSync(join(source, 'bin', 'postgres'), '#!/bin/sh\n# 18.5\n');
    const second = privateBinariesCopy({ source, owner: me, base });
    expect(second).not.toBe(first);
    expect(copies().sort()).toEqual([first, second].map((path) => path.slice(base.length + 1)).sort());
  });

  it('keeps the copy of a run that finished first, and drops its own', () => {
    const fingerprint = treeFingerprint(source);
    const target = join(base, 'pg-schema-binaries-me-race');
    const mine = buildCopy(source, target, me, fingerprint);
    const theirs = buildCopy(source, target, me, fingerprint);
    expect(publishCopy(theirs, target, me, fingerprint)).toBe(target);
    expect(publishCopy(mine, target, me, fingerprint)).toBe(target);
    expect(copies()).toEqual(['pg-schema-binaries-me-race']);
  });

  it('refuses a folder at its place that others may enter, or that is not a copy of these binaries', () => {
    const target = join(base, `pg-schema-binaries-me-${treeFingerprint(source).slice(0, 16)}`);
    mkdirSync(target, { mode: 0o755 });
    chmodSync(target, 0o755);
    expect(() => privateBinariesCopy({ source, owner: me, base })).toThrow(
      `the private copy of its binaries, ${target}, cannot be trusted: its mode is 755, not 700. Remove it (rm -rf ${target}) and run again.`,
    );
    chmodSync(target, 0o700);
    expect(() => privateBinariesCopy({ source, owner: me, base })).toThrow(
      'its pg-schema-binaries.json does not match the installed binaries',
    );
    const stranger = { name: 'me', uid: 54_321, gid: 54_321 };
    expect(() => privateBinariesCopy({ source, owner: stranger, base })).toThrow(
      `it is owned by uid ${me.uid}, not me (54321)`,
    );
  });
});
