import { randomBytes } from 'node:crypto';
import { loadSqlParser, readModelFiles } from '@bakery-ia/init-manager';
import { adminQuery, createTestDatabase, describeEachServer } from '@bakery-ia/test-db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyModels, comparableCatalog, diffCatalogs, introspectCatalog } from '../src/index';

const MODELS = (reader: string) => `
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ${reader};
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
GRANT UPDATE (total) ON orders TO ${reader};
REVOKE TRUNCATE ON orders FROM CURRENT_USER;
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.orders';
GRANT EXECUTE ON FUNCTION order_count() TO ${reader};
CREATE TYPE state AS ENUM ('open');
REVOKE USAGE ON TYPE state FROM PUBLIC;
`;

/**
 * ACLs are read relative to the owner: the same models built by the server's superuser (as the
 * shadow databases are) and by the service's own role (as production is) give equal catalogs.
 */
describeEachServer('privileges whichever role owns the objects', (server) => {
  it('introspects equal catalogs for the superuser and for an owning service role', async () => {
    await loadSqlParser();
    const suffix = randomBytes(4).toString('hex');
    const [owner, reader] = [`svc_owner_${suffix}`, `svc_reader_${suffix}`];
    await adminQuery(server, `CREATE ROLE ${owner} NOLOGIN; CREATE ROLE ${reader} NOLOGIN`);
    const dir = mkdtempSync(join(tmpdir(), 'owner-models-'));
    writeFileSync(join(dir, '01.sql'), MODELS(reader));
    const [shadow, production] = [
      await createTestDatabase(server, 'own'),
      await createTestDatabase(server, 'own'),
    ];
    try {
      const models = await readModelFiles(dir);
      await adminQuery(server, `ALTER DATABASE ${production.name} OWNER TO ${owner}`);
      const asSuperuser = await shadow.client();
      await applyModels(asSuperuser, models);
      const asOwner = await production.client();
      await asOwner.query(`SET ROLE ${owner}`);
      await applyModels(asOwner, models);
      const [a, b] = [await introspectCatalog(asSuperuser), await introspectCatalog(asOwner)];
      expect(diffCatalogs(a, b).statements.map((s) => s.sql)).toEqual([]);
      expect(JSON.stringify(comparableCatalog(b))).toBe(JSON.stringify(comparableCatalog(a)));
      expect(Object.keys(a.privileges)).toEqual([
        'privileges:column:public.orders.total',
        'privileges:function:public.order_count()',
        'privileges:schema:public',
        'privileges:table:public.orders',
        'privileges:type:public.state',
      ]);
      expect(Object.keys(a.defaultPrivileges)).toEqual([
        'default-privileges:(owner).*.functions',
        'default-privileges:(owner).*.tables',
      ]);
    } finally {
      await shadow.drop();
      await production.drop();
      rmSync(dir, { recursive: true, force: true });
      await adminQuery(server, `DROP ROLE ${owner}; DROP ROLE ${reader}`);
    }
  });
});
