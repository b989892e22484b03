import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, readMigrations, writeMigrationsSum } from '@bakery-ia/init-manager';
import { createTestDatabase, describeEachServer } from '@bakery-ia/test-db';
import {
  formatVerifyJunit,
  generateMigration,
  planMigration,
  verifyMigrations,
  type PlanOptions,
} from '../src/index';
import { OBJECT_KINDS } from '../src/objects/registry';

/**
 * "Nothing unseen" on real servers: each kind of object the engine does not manage, created by
 * the models (or by a committed migration), stops generation with UNSUPPORTED_OBJECT naming the
 * object and the file:line of its statement. The whole corpus passing is the other half: no
 * false positive on anything the engine manages.
 */
interface Case {
  name: string;
  models: string;
  /** Lines the message must hold (`<file>:<line>: <object>`). */
  expected: string[];
}

const FUNCTION = `CREATE FUNCTION same(int, int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';`;

const CASES: Case[] = [
  {
    name: 'operator',
    models: `${FUNCTION}\nCREATE OPERATOR === (leftarg = int, rightarg = int, procedure = same);\n`,
    expected: ['01.sql:2: operator public.===(integer, integer)'],
  },
  {
    name: 'operator class (and the family Postgres creates with it)',
    models: `${FUNCTION}\nCREATE OPERATOR === (leftarg = int, rightarg = int, procedure = same);\n\nCREATE OPERATOR CLASS same_ops FOR TYPE int USING hash AS OPERATOR 1 ===, FUNCTION 1 hashint4(int);\n`,
    expected: ['01.sql:4: operator family public.same_ops using hash'],
  },
  {
    name: 'cast',
    models: `CREATE TYPE pair AS (a int, b int);\nCREATE CAST (pair AS text) WITH INOUT;\n`,
    expected: ['01.sql:2: cast (public.pair AS pg_catalog.text)'],
  },
  {
    name: 'publication',
    models: `CREATE TABLE orders (id int PRIMARY KEY);\nCREATE PUBLICATION orders_pub FOR TABLE orders;\n`,
    expected: ['01.sql:2: publication orders_pub'],
  },
  {
    name: 'event trigger',
    models:
      `CREATE FUNCTION no_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;\n` +
      `CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION no_ddl();\n`,
    expected: ['01.sql:2: event trigger audit_ddl'],
  },
  {
    name: 'foreign data wrapper, server, user mapping and foreign table',
    models:
      `CREATE FOREIGN DATA WRAPPER files;\nCREATE SERVER files_srv FOREIGN DATA WRAPPER files;\n` +
      `CREATE USER MAPPING FOR PUBLIC SERVER files_srv;\nCREATE FOREIGN TABLE remote_orders (id int DEFAULT 1) SERVER files_srv;\n`,
    expected: [
      '01.sql:1: foreign-data wrapper files',
      '01.sql:2: server files_srv',
      '01.sql:3: user mapping for public server files_srv',
      // Its column's default belongs to it and is not named again.
      '01.sql:4: foreign table public.remote_orders\n',
    ],
  },
  {
    name: 'text search configuration and dictionary',
    models: `CREATE TEXT SEARCH DICTIONARY simple_dict (TEMPLATE = simple);\nCREATE TEXT SEARCH CONFIGURATION search_cfg (COPY = english);\n`,
    expected: [
      '01.sql:1: text search dictionary public.simple_dict',
      '01.sql:2: text search configuration public.search_cfg',
    ],
  },
  {
    name: 'conversion',
    models: `CREATE CONVERSION latin_conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;\n`,
    expected: ['01.sql:1: conversion public.latin_conv'],
  },
  {
    name: 'transform',
    models:
      'CREATE TRANSFORM FOR int LANGUAGE plpgsql (\n' +
      '  FROM SQL WITH FUNCTION gtsvector_compress(internal), TO SQL WITH FUNCTION int4recv(internal));\n',
    expected: ['01.sql:1: transform for integer language plpgsql'],
  },
  {
    name: 'a comment the kind does not carry',
    models:
      `CREATE DOMAIN positive AS int CONSTRAINT positive_check CHECK (VALUE > 0);\n` +
      `COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS 'kept nowhere';\n` +
      `CREATE EXTENSION IF NOT EXISTS citext;\nCOMMENT ON EXTENSION citext IS 'ours now';\n` +
      `CREATE TYPE pair AS (a int, b int);\nCOMMENT ON COLUMN pair.a IS 'first';\n`,
    expected: [
      '01.sql:2: comment on domain constraint positive_check on public.positive',
      '01.sql:4: comment on extension citext',
      '01.sql:6: comment on composite type column public.pair.a',
    ],
  },
];

describeEachServer('nothing unseen', (server) => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'unseen-'));
    mkdirSync(join(root, 'models'));
    mkdirSync(join(root, 'migrations'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const options = (extra: Partial<PlanOptions> = {}): PlanOptions => ({
    modelsDir: join(root, 'models'),
    migrationsDir: join(root, 'migrations'),
    shadowUrl: server.url,
    ...extra,
  });
  const models = (sql: string) => writeFileSync(join(root, 'models', '01.sql'), sql);

  for (const c of CASES) {
    it(`stops on a ${c.name} in the models, naming it and its line`, async () => {
      models(c.models);
      const error = await planMigration(options()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_OBJECT' });
      const message = `${(error as Error).message}\n`;
      expect(message).toContain('The models create objects that pg-schema does not manage');
      for (const line of c.expected) expect(message).toContain(`${join(root, 'models')}/${line}`);
    }, 60_000);
  }

  it('stops on what a committed migration created by hand (a publication; its grant is managed), at its line', async () => {
    models('CREATE TABLE orders (id int PRIMARY KEY);\n');
    await generateMigration({ ...options(), name: 'initial' });
    writeMigration(
      root,
      '0002_by_hand.sql',
      '-- migrate:up\nGRANT SELECT ON orders TO PUBLIC;\n\nCREATE PUBLICATION orders_pub FOR TABLE orders;\n' +
        '-- migrate:down\nDROP PUBLICATION orders_pub;\nREVOKE SELECT ON orders FROM PUBLIC;\n',
    );
    const error = await planMigration(options()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_OBJECT' });
    const message = (error as Error).message;
    const file = join(root, 'migrations', '0002_by_hand.sql');
    expect(message).toContain('The committed migrations create objects that pg-schema does not manage');
    // The GRANT is managed (the privileges kind), the publication is not.
    expect(message).not.toContain('privileges on table public.orders');
    expect(message).toContain(`${file}:4: publication orders_pub`);
    expect(message).not.toContain('The models create');
  }, 60_000);

  it('stops on a GRANT of the models while no kind manages privileges (it would be skipped)', async () => {
    models('CREATE TABLE orders (id int PRIMARY KEY);\nGRANT SELECT ON orders TO PUBLIC;\n');
    const result = await planMigration(options()).catch((e: unknown) => e);
    if (OBJECT_KINDS.some((kind) => kind.privilegesOf)) {
      // A privileges kind runs and diffs the grant instead (objects/kind.ts privilegesOf).
      expect(result).not.toBeInstanceOf(Error);
      return;
    }
    expect(result).toMatchObject({ code: 'UNSUPPORTED_OBJECT' });
    expect((result as Error).message).toContain(
      `${join(root, 'models', '01.sql')}:2: GRANT SELECT ON orders TO PUBLIC`,
    );
  }, 60_000);

  it("stops on a schema the models create outside the service's schemas", async () => {
    models(
      'CREATE TABLE orders (id int PRIMARY KEY);\nCREATE SCHEMA audit;\nCREATE TABLE audit.log (id int);\n',
    );
    const error = await planMigration(options({ schemas: ['public'] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_OBJECT' });
    expect((error as Error).message).toContain(
      `${join(root, 'models', '01.sql')}:2: schema audit (not one of the service's schemas: add it to "schemas" in migrate.config.json to manage it)\n`,
    );
  }, 60_000);

  it('leaves out what ignoreObjects lists, with what belongs to it', async () => {
    models(`CREATE TABLE orders (id int PRIMARY KEY);\nCREATE PUBLICATION orders_pub FOR TABLE orders;\n`);
    const plan = await planMigration(options({ ignoreObjects: ['publication orders_pub'] }));
    expect(plan.changes.map((c) => c.object)).toEqual(['table:public.orders']);
    expect(plan.desired.unsupported).toEqual([]);
  }, 60_000);

  it('fails migrate-verify with its own check, each object at its file:line, in text and JUnit', async () => {
    models(`CREATE TABLE orders (id int PRIMARY KEY);\n`);
    await generateMigration({ ...options(), name: 'initial' });
    models(`CREATE TABLE orders (id int PRIMARY KEY);\nCREATE PUBLICATION orders_pub FOR TABLE orders;\n`);
    writeMigration(
      root,
      '0002_pub.sql',
      '-- migrate:up\nCREATE PUBLICATION orders_pub FOR TABLE orders;\n-- migrate:down\nDROP PUBLICATION orders_pub;\n',
    );
    const report = await verifyMigrations(options());
    expect(report.ok).toBe(false);
    const check = report.checks.find((c) => c.id === 'unseen');
    expect(check?.status).toBe('failed');
    expect(check?.problems.map((p) => `${p.file}:${p.line}: ${p.message.split(':')[0]}`)).toEqual([
      `${join(root, 'models', '01.sql')}:2: publication orders_pub`,
      '0002_pub.sql:2: publication orders_pub',
    ]);
    // Everything else passes: the two schemas are equal for what the engine manages.
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['unseen']);
    expect(formatVerifyJunit(report, 'svc')).toContain('0002_pub.sql:2: publication orders_pub');
  }, 90_000);
});

describeEachServer('nothing unseen, live database', (server) => {
  it('tells what only the live database holds in the live note, without failing (read-only)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'unseen-live-'));
    const db = await createTestDatabase(server, 'live');
    try {
      mkdirSync(join(root, 'models'));
      writeFileSync(join(root, 'models', '01.sql'), 'CREATE TABLE orders (id int PRIMARY KEY);\n');
      const options = {
        modelsDir: join(root, 'models'),
        migrationsDir: join(root, 'migrations'),
        shadowUrl: server.url,
      };
      await generateMigration({ ...options, name: 'initial' });
      const client = await db.client();
      await applyMigrations(client, await readMigrations(options.migrationsDir));
      await client.query('CREATE PUBLICATION cdc FOR TABLE orders');
      const report = await verifyMigrations({ ...options, databaseUrl: db.url, roundTrip: false });
      const live = report.checks.find((check) => check.id === 'live');
      expect(live?.status).toBe('passed');
      expect(live?.note).toMatch(
        /1 applied, 0 pending; not managed by pg-schema, left out of the comparison: publication cdc$/,
      );
    } finally {
      await db.drop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 90_000);
});

function writeMigration(root: string, fileName: string, text: string): void {
  writeFileSync(join(root, 'migrations', fileName), text);
  writeMigrationsSum(join(root, 'migrations'));
}
