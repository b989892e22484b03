import { describeDatabaseUrl, maskDatabaseUrl, maskSecrets } from './mask-url';

describe('masking', () => {
  it('hides the password of a database URL', () => {
    expect(maskDatabaseUrl('postgres://auth:s3cr%40t@db.internal:5432/auth')).toBe(
      'postgres://auth:***@db.internal:5432/auth',
    );
  });
  it('hides passwords inside any text and leaves URLs without one alone', () => {
    expect(maskSecrets('failed for postgresql://u:pw@h/db and postgres://u@h/db')).toBe(
      'failed for postgresql://u:***@h/db and postgres://u@h/db',
    );
  });
  it('describes a database without credentials', () => {
    expect(describeDatabaseUrl('postgres://u:pw@db:6543/auth')).toBe('database "auth" on db:6543');
  });
});
