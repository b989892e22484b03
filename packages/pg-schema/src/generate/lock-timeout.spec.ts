import { PgSchemaError } from '../errors';
import { stepLockTimeout, withLockTimeout } from './lock-timeout';

describe('lock timeout of generated steps', () => {
  it('defaults to 5s with online forms and to none without', () => {
    expect(stepLockTimeout({})).toBe('5s');
    expect(stepLockTimeout({ online: false })).toBeUndefined();
    expect(stepLockTimeout({ online: false, lockTimeout: '2s' })).toBe('2s');
  });

  it('refuses a value Postgres would not read, naming the setting', () => {
    expect(() => stepLockTimeout({ lockTimeout: 'five' })).toThrow(PgSchemaError);
    expect(() => stepLockTimeout({ lockTimeout: 'five' })).toThrow(/migrate.config.json "lockTimeout"/);
  });

  it('starts every transactional step with SET LOCAL, never a non-transactional one', () => {
    const steps = withLockTimeout(
      [
        { transactional: true, statements: ['a;'] },
        { transactional: false, statements: ['CREATE INDEX CONCURRENTLY i ON t (c);'] },
      ],
      '3s',
    );
    expect(steps).toEqual([
      { transactional: true, statements: ["SET LOCAL lock_timeout = '3s';", 'a;'] },
      { transactional: false, statements: ['CREATE INDEX CONCURRENTLY i ON t (c);'] },
    ]);
  });
});
