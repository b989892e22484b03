-- A new generated column placed before the new column it reads: ADD COLUMN can only append and
-- the generated column needs its source first, so the table ends with the source before it (the
-- catalogs compare columns by name; pg_dump shows the other order by construction).
-- @skip-pg-dump
-- @version 1
CREATE TABLE t (id int PRIMARY KEY);
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, doubled int GENERATED ALWAYS AS (base * 2) STORED, base int);
