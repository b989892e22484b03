import { parse } from 'pg-connection-string';
import { socketUrl, withDatabase } from './database-url';

describe('shadow server URLs', () => {
  it('points a TCP URL at another database, keeping credentials and parameters', () => {
    expect(withDatabase('postgres://u:p%40ss@db.example:6543/postgres?sslmode=require', 'shadow_1')).toBe(
      'postgres://u:p%40ss@db.example:6543/shadow_1?sslmode=require',
    );
  });

  it('handles every socket spelling pg accepts, which the WHATWG URL parser partly rejects', () => {
    const spellings = [
      'postgres://postgres:pw@%2Ftmp%2Fsock:5433/postgres',
      'postgres://postgres:pw@/postgres?host=/tmp/sock&port=5433',
      'postgres:///postgres?host=/tmp/sock&port=5433&user=postgres&password=pw',
    ];
    for (const url of spellings) {
      const moved = parse(withDatabase(url, 'shadow_1'));
      expect({ ...moved }).toMatchObject({
        host: '/tmp/sock',
        port: '5433',
        user: 'postgres',
        password: 'pw',
        database: 'shadow_1',
      });
    }
  });

  it('builds a socket URL that pg reads as the folder, port and credentials', () => {
    const url = socketUrl({
      user: 'postgres',
      password: 'a/b c',
      socketDir: '/tmp/pg-schema-embedded-Ab12',
      port: 5432,
      database: 'postgres',
    });
    expect(url).toBe('postgres://postgres:a%2Fb%20c@%2Ftmp%2Fpg-schema-embedded-Ab12:5432/postgres');
    expect({ ...parse(url) }).toMatchObject({
      host: '/tmp/pg-schema-embedded-Ab12',
      port: '5432',
      password: 'a/b c',
      database: 'postgres',
    });
    expect({ ...parse(withDatabase(url, 'x')) }).toMatchObject({ host: '/tmp/pg-schema-embedded-Ab12' });
  });
});
