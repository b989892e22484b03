import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyCatalog, type Catalog } from '../catalog/catalog';
import { comparableCatalog } from '../catalog/comparable';
import { catalogOf, column, table, tables } from '../objects/test-support/catalogs';
import { readReplayRecord, REPLAY_BUDGET, writeReplayRecord } from './catalog-records';

describe("verify's replay records", () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'replay-records-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const key = 'a'.repeat(64);

  it('count against their own budget: not plan records, not temp files', () => {
    expect(REPLAY_BUDGET.match(`${key}.json`)).toBe(true);
    expect(REPLAY_BUDGET.match(`plan-${key}.json`)).toBe(false);
    expect(REPLAY_BUDGET.match(`.${key}.0123abcd.tmp`)).toBe(false);
  });

  it('are not written when JSON would change a catalog; the round trip problems are not checked', () => {
    const changed = {
      ...emptyCatalog(),
      dependencies: { 'table:public.t': [undefined] },
    } as unknown as Catalog;
    writeReplayRecord(key, { states: [emptyCatalog(), changed], roundTrip: [] }, root);
    expect(existsSync(join(root, `${key}.json`))).toBe(false);
    writeReplayRecord(
      key,
      { states: [emptyCatalog()], roundTrip: [{ message: 'm', line: undefined }] },
      root,
    );
    expect(readReplayRecord(key, 0, root)?.roundTrip).toEqual([{ message: 'm' }]);
    expect(readdirSync(root)).toEqual([`${key}.json`]);
  });

  it('keep a VIRTUAL generated column as virtual (not as a stored one)', () => {
    const withTotal = (kind: 'virtual' | undefined): Catalog =>
      catalogOf({
        tables: tables(
          table('t', [
            column('price', 'numeric'),
            column('total', 'numeric', {
              generated: '(price * 2)',
              ...(kind ? { generatedKind: kind } : {}),
            }),
          ]),
        ),
      });
    const comparable = (catalog: Catalog) => JSON.stringify(comparableCatalog(catalog));
    writeReplayRecord(key, { states: [withTotal('virtual')], roundTrip: [] }, root);
    const [state] = readReplayRecord(key, 0, root)!.states;
    expect(comparable(state)).toBe(comparable(withTotal('virtual')));
    expect(comparable(state)).not.toBe(comparable(withTotal(undefined)));
  });

  it('are neither read nor written in a folder others may write (777)', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      writeReplayRecord(key, { states: [emptyCatalog()], roundTrip: [] }, root);
      expect(readReplayRecord(key, 0, root)).toBeDefined();
      chmodSync(root, 0o777);
      // As another user would plant it: a clean record of the key.
      writeFileSync(join(root, `${key}.json`), JSON.stringify({ states: [emptyCatalog()], roundTrip: [] }));
      expect(readReplayRecord(key, 0, root)).toBeUndefined();
      const other = 'b'.repeat(64);
      writeReplayRecord(other, { states: [emptyCatalog()], roundTrip: [] }, root);
      expect(existsSync(join(root, `${other}.json`))).toBe(false);
      expect(stderr).toHaveBeenCalledTimes(1);
    } finally {
      stderr.mockRestore();
      chmodSync(root, 0o700);
    }
  });

  it('a hit marks the record as just used, so eviction keeps it', () => {
    writeReplayRecord(key, { states: [emptyCatalog()], roundTrip: [] }, root);
    const file = join(root, `${key}.json`);
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(file, old, old);
    expect(readReplayRecord(key, 0, root)?.states).toHaveLength(1);
    expect(statSync(file).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
  });
});
