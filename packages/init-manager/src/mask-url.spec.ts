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
  it('describes a database behind a Unix socket by its folder, in every spelling pg accepts', () => {
    expect(describeDatabaseUrl('postgres://postgres:pw@%2Ftmp%2Fpg-schema-embedded-Ab12:5432/postgres')).toBe(
      'database "postgres" on /tmp/pg-schema-embedded-Ab12:5432',
    );
    expect(describeDatabaseUrl('postgres://u:pw@/auth?host=/var/run/postgresql&port=5433')).toBe(
      'database "auth" on /var/run/postgresql:5433',
    );
    expect(describeDatabaseUrl('postgres:///auth?host=/var/run/postgresql')).toBe(
      'database "auth" on /var/run/postgresql:5432',
    );
    expect(maskSecrets('postgres://postgres:0123abcd@%2Ftmp%2Fx:5432/postgres')).toBe(
      'postgres://postgres:***@%2Ftmp%2Fx:5432/postgres',
    );
  });
});
