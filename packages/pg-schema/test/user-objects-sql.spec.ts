import { describeEachServer, createTestDatabase } from '@bakery-ia/test-db';
import { ANNOTATIONS_SQL, USER_OBJECTS_SQL } from '../src/completeness/user-objects.sql';

/**
 * The completeness queries spell the addresses of the classes a database holds thousands of
 * (relations, constraints, defaults, triggers, rules, policies, columns) with joins instead of
 * pg_identify_object_as_address: the spellings must stay equal on every server.
 */
describeEachServer('completeness queries', (server) => {
  it('spell addresses as pg_identify_object_as_address does', async () => {
    const db = await createTestDatabase(server, 'addr');
    try {
      const client = await db.client();
      await client.query(`
        CREATE SCHEMA "Odd Schema";
        CREATE TABLE "Odd Schema"."Orders" (id int PRIMARY KEY, "Note" text DEFAULT 'x' CHECK ("Note" <> ''));
        CREATE VIEW "Odd Schema".v AS SELECT id FROM "Odd Schema"."Orders";
        CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;
        CREATE SEQUENCE s;
        CREATE TYPE pair AS (a int, b int);
        CREATE INDEX ON "Odd Schema"."Orders" ("Note");
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER "Touch" BEFORE UPDATE ON "Odd Schema"."Orders" FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE CONSTRAINT TRIGGER late AFTER INSERT ON "Odd Schema"."Orders" DEFERRABLE FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE RULE "Keep" AS ON DELETE TO "Odd Schema"."Orders" DO INSTEAD NOTHING;
        ALTER TABLE "Odd Schema"."Orders" ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "Mine" ON "Odd Schema"."Orders" USING (true);
        COMMENT ON COLUMN "Odd Schema"."Orders"."Note" IS 'n';
        COMMENT ON COLUMN "Odd Schema".v.id IS 'v';
        COMMENT ON COLUMN pair.a IS 'p';
      `);
      const own = await client.query<{ type: string; names: string[]; args: string[]; identified: string }>(
        `SELECT o.type, o.names, o.args, row_to_json(a)::text AS identified
           FROM (${USER_OBJECTS_SQL}) o, LATERAL pg_identify_object_as_address(o.classid, o.objid, 0) a`,
        [null, []],
      );
      const annotations = await client.query<{
        type: string;
        names: string[];
        args: string[];
        identified: string;
      }>(
        `SELECT x.type, x.names, x.args, row_to_json(a)::text AS identified
           FROM (${ANNOTATIONS_SQL}) x, LATERAL pg_identify_object_as_address(x.classid, x.objid, x.subid) a`,
      );
      const rows = [...own.rows, ...annotations.rows];
      expect(rows.length).toBeGreaterThan(15);
      for (const row of rows) {
        const identified = JSON.parse(row.identified);
        // A constraint trigger's constraint row stands for the trigger (its internal part).
        if (row.type === 'trigger' && identified.type === 'table constraint') {
          expect(identified.object_names).toEqual(row.names);
          continue;
        }
        expect({ type: row.type, names: row.names, args: row.args }).toEqual({
          type: identified.type,
          names: identified.object_names,
          args: identified.object_args,
        });
      }
      const types = new Set(rows.map((row) => row.type));
      for (const type of [
        'table',
        'view',
        'materialized view',
        'sequence',
        'index',
        'table constraint',
        'default value',
        'trigger',
        'rule',
        'policy',
        'table column',
        'view column',
        'composite type column',
      ])
        expect({ type, seen: types.has(type) }).toEqual({ type, seen: true });
    } finally {
      await db.drop();
    }
  }, 60_000);
});
