-- PENDING (found by tools/real-history on miniflux and kanboard: 37 of their 228 steps, on PG15
-- and PG18).
-- Several columns appended to an existing table are added in name order, not in the models'
-- order: the migrated table is (id, password, username) where the models say (id, username,
-- password). The catalogs compare columns by name, so the catalog check passes; on PG15 the
-- corpus' pg_dump check fails ("version 2: pg_dump differs"), and the order is a real difference
-- for INSERT without a column list, SELECT * and COPY. ADD COLUMN can only append, but these
-- columns are all appended: emitting the ADD COLUMNs in the models' column order reaches it.
-- @version 1
CREATE TABLE feeds (id int PRIMARY KEY);
-- @version 2
CREATE TABLE feeds (id int PRIMARY KEY, username text DEFAULT '', password text DEFAULT '');
