-- Found by tools/real-history (miniflux and kanboard: 37 of their 228 steps). Columns appended to
-- an existing table are added in the models' order (ADD COLUMN can only append): the migrated
-- table is (id, username, password) as the models say, not in name order. The catalogs compare
-- columns by name; the corpus' pg_dump check sees the order (INSERT without a column list,
-- SELECT * and COPY depend on it).
-- @version 1
CREATE TABLE feeds (id int PRIMARY KEY);
-- @version 2
CREATE TABLE feeds (id int PRIMARY KEY, username text DEFAULT '', password text DEFAULT '');
