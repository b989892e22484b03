-- A schema with every kind the engine reads, for introspect.spec.ts: its catalog is compared with
-- the one the one-connection reader of before (commit 7169511) read, kept as a Jest snapshot.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'The application';
CREATE SCHEMA audit;
CREATE EXTENSION citext SCHEMA app;
CREATE EXTENSION btree_gist;

CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION app.nocase IS 'Case-insensitive';

CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped');
COMMENT ON TYPE app.order_status IS 'Where an order is';
CREATE DOMAIN app.positive_amount AS numeric(12, 2) NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
COMMENT ON DOMAIN app.positive_amount IS 'Money above zero';
CREATE TYPE app.address AS (street text, city text COLLATE "C", zip varchar(10));
COMMENT ON TYPE app.address IS 'A postal address';
CREATE TYPE app.float_range AS RANGE (subtype = float8, subtype_diff = float8mi);

CREATE SEQUENCE app.invoice_no AS integer START 1000 INCREMENT 5 CACHE 10;
COMMENT ON SEQUENCE app.invoice_no IS 'Invoice numbers';

CREATE TABLE app.customers (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 2) PRIMARY KEY,
  email app.citext NOT NULL UNIQUE,
  name text COLLATE app.nocase,
  address app.address,
  created_at timestamptz NOT NULL DEFAULT now(),
  name_length int GENERATED ALWAYS AS (length(name)) STORED,
  notes text COMPRESSION pglz
) WITH (fillfactor = 90, autovacuum_enabled = false, toast.autovacuum_enabled = false);
ALTER TABLE app.customers ALTER COLUMN name SET STATISTICS 500, ALTER COLUMN notes SET STORAGE EXTERNAL;
COMMENT ON TABLE app.customers IS 'People who buy';
COMMENT ON COLUMN app.customers.email IS 'Login';
COMMENT ON CONSTRAINT customers_email_key ON app.customers IS 'One account per address';

CREATE TABLE app.orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
  status app.order_status NOT NULL DEFAULT 'new',
  total app.positive_amount,
  invoice int DEFAULT nextval('app.invoice_no'),
  during tstzrange,
  CONSTRAINT total_when_paid CHECK (status = 'new' OR total IS NOT NULL),
  CONSTRAINT no_overlap EXCLUDE USING gist (customer_id WITH =, during WITH &&)
);
COMMENT ON CONSTRAINT total_when_paid ON app.orders IS 'Paid orders have a total';
CREATE INDEX orders_customer ON app.orders (customer_id) WHERE status <> 'shipped';
CREATE INDEX orders_customer_bucket ON app.orders ((customer_id % 10)) WITH (fillfactor = 70);
COMMENT ON INDEX app.orders_customer IS 'Open orders by customer';
ALTER TABLE app.orders CLUSTER ON orders_customer_bucket;
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON app.orders FOR SELECT USING (customer_id > 0);
COMMENT ON POLICY own_orders ON app.orders IS 'Read your own';
CREATE STATISTICS app.orders_stats (dependencies) ON customer_id, status FROM app.orders;
COMMENT ON STATISTICS app.orders_stats IS 'Correlated columns';

CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at ON app.events (at);
CREATE UNLOGGED TABLE app.scratch (k text PRIMARY KEY) ;
ALTER TABLE app.scratch REPLICA IDENTITY FULL;

CREATE TABLE audit.entries (id bigint PRIMARY KEY, note text NOT NULL DEFAULT '');
CREATE TABLE audit.order_entries (order_id int, CHECK (order_id > 0)) INHERITS (audit.entries);

CREATE FUNCTION app.order_total(p_customer bigint) RETURNS numeric
  LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(total), 0) FROM app.orders WHERE customer_id = p_customer $$;
COMMENT ON FUNCTION app.order_total(bigint) IS 'Sum of a customer''s orders';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;
CREATE PROCEDURE app.archive(p_before date) LANGUAGE sql AS $$ DELETE FROM app.events WHERE at < p_before $$;
CREATE FUNCTION app.add_amount(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
CREATE AGGREGATE app.total_of(numeric) (SFUNC = app.add_amount, STYPE = numeric, INITCOND = '0');
COMMENT ON AGGREGATE app.total_of(numeric) IS 'A sum';

CREATE TRIGGER customers_touch BEFORE UPDATE ON app.customers FOR EACH ROW EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER customers_touch ON app.customers IS 'Keeps created_at fresh';

CREATE VIEW app.paid_orders WITH (security_barrier = true) AS
  SELECT o.id, c.email, o.total FROM app.orders o JOIN app.customers c ON c.id = o.customer_id WHERE o.status = 'paid';
COMMENT ON VIEW app.paid_orders IS 'Orders with money';
COMMENT ON COLUMN app.paid_orders.email IS 'Who paid';
CREATE MATERIALIZED VIEW app.customer_totals AS SELECT customer_id, count(*) AS orders FROM app.orders GROUP BY customer_id;
CREATE UNIQUE INDEX customer_totals_customer ON app.customer_totals (customer_id);
CREATE RULE scratch_no_delete AS ON DELETE TO app.scratch DO INSTEAD NOTHING;
COMMENT ON RULE scratch_no_delete ON app.scratch IS 'Keep scratch rows';

GRANT USAGE ON SCHEMA app TO introspect_fixture_reader;
GRANT SELECT ON app.customers, app.paid_orders TO introspect_fixture_reader;
GRANT SELECT (id, status), UPDATE (status) ON app.orders TO introspect_fixture_reader;
GRANT EXECUTE ON FUNCTION app.order_total(bigint) TO introspect_fixture_reader WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION app.touch() FROM PUBLIC;
GRANT USAGE ON TYPE app.order_status TO introspect_fixture_reader;
GRANT USAGE, SELECT ON SEQUENCE app.invoice_no TO introspect_fixture_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO introspect_fixture_reader;

-- Not managed by any kind: reported by the completeness check.
CREATE TEXT SEARCH CONFIGURATION app.simple_copy (COPY = pg_catalog.simple);
CREATE TABLE public.schema_migrations (version text PRIMARY KEY);
