-- A materialized view dropped with its index: DROP MATERIALIZED VIEW takes the index along (no
-- DROP INDEX of its own), and a new table's index reuses the freed index name.
-- @expect-no-sql DROP INDEX
-- @version 1
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE MATERIALIZED VIEW order_totals AS SELECT id, total FROM orders;
CREATE UNIQUE INDEX order_totals_id_idx ON order_totals (id);
-- @version 2
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE order_totals_cache (id int, total numeric);
CREATE UNIQUE INDEX order_totals_id_idx ON order_totals_cache (id);
