-- Constraints and an index removed from an existing table: the down section puts them back in
-- their online forms (the diff runs the other way round).
-- @expect-sql DROP INDEX CONCURRENTLY IF EXISTS public.visits_at_idx
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS visits_at_idx
-- @expect-sql VALIDATE CONSTRAINT visits_site_id_fkey
-- @expect-sql ADD CONSTRAINT visits_ref_key UNIQUE USING INDEX visits_ref_key
-- @expect-sql VALIDATE CONSTRAINT at_not_null_tmp
-- @version 1
CREATE TABLE sites (id int PRIMARY KEY);
CREATE TABLE visits (id int PRIMARY KEY, site_id int REFERENCES sites (id), ref text UNIQUE, at timestamptz NOT NULL);
CREATE INDEX visits_at_idx ON visits (at);
-- @seed
INSERT INTO sites SELECT g FROM generate_series(1, 10) g;
INSERT INTO visits SELECT g, 1 + g % 10, 'r' || g, now() FROM generate_series(1, 300) g;
-- @version 2
CREATE TABLE sites (id int PRIMARY KEY);
CREATE TABLE visits (id int PRIMARY KEY, site_id int, ref text, at timestamptz);
