-- An index whose definition changes is dropped and built again concurrently (same name); a
-- changed CHECK is dropped and added again NOT VALID, then validated.
-- @expect-sql DROP INDEX CONCURRENTLY IF EXISTS public.items_name_idx
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx ON public.items USING btree (lower(name))
-- @expect-sql VALIDATE CONSTRAINT items_qty_check
-- @version 1
CREATE TABLE items (id int PRIMARY KEY, name text, qty int CONSTRAINT items_qty_check CHECK (qty >= 0));
CREATE INDEX items_name_idx ON items (name);
-- @seed
INSERT INTO items SELECT g, 'Item ' || g, g FROM generate_series(1, 200) g;
-- @version 2
CREATE TABLE items (id int PRIMARY KEY, name text, qty int CONSTRAINT items_qty_check CHECK (qty >= 0 AND qty < 100000));
CREATE INDEX items_name_idx ON items (lower(name));
