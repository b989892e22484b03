-- A column retyped with a rewrite and made NOT NULL: the rewrite scans anyway, so SET NOT NULL
-- keeps its plain form; a new column on an existing table gets its index concurrently.
-- @expect-no-sql amount_not_null_tmp
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_ref_idx
-- @version 1
CREATE TABLE payments (id int PRIMARY KEY, amount int);
-- @seed
INSERT INTO payments SELECT g, g FROM generate_series(1, 100) g;
-- @version 2
CREATE TABLE payments (id int PRIMARY KEY, amount numeric(12, 2) NOT NULL, ref text);
CREATE INDEX payments_ref_idx ON payments (ref);
