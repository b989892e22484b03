-- The change of the writer-stall bench on a table with rows: new index, foreign key, CHECK, SET
-- NOT NULL and UNIQUE, each in its online form (validated on the seeded rows).
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_idx
-- @expect-sql ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) NOT VALID;
-- @expect-sql VALIDATE CONSTRAINT orders_customer_id_fkey
-- @expect-sql VALIDATE CONSTRAINT orders_total_check
-- @expect-sql CHECK (placed_at IS NOT NULL) NOT VALID
-- @expect-sql CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_key
-- @expect-sql ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_key
-- @expect-sql DROP INDEX CONCURRENTLY IF EXISTS public.orders_placed_idx
-- @version 1
CREATE TABLE customers (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, code text, placed_at timestamptz, total numeric);
-- @seed
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, 1 + g % 50, 'o' || g, now(), g FROM generate_series(1, 500) g;
-- @version 2
CREATE TABLE customers (id int PRIMARY KEY, name text);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int REFERENCES customers (id),
  code text UNIQUE,
  placed_at timestamptz NOT NULL,
  total numeric CHECK (total >= 0)
);
CREATE INDEX orders_placed_idx ON orders (placed_at);
-- @check
INSERT INTO orders VALUES (100000, 1, 'new', now(), 1);
