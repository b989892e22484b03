-- Found by tools/real-history on miniflux and kanboard (37 of their 228 steps): several columns
-- appended to an existing table are added in the models' order, not by name, so the table ends
-- as the models say (pg_dump equal on PG15; INSERT without a column list, SELECT * and COPY see
-- the same order). Columns that need a new type or sequence keep their place too.
-- @version 1
CREATE TABLE feeds (id int PRIMARY KEY);
-- @seed
INSERT INTO feeds VALUES (1), (2);
-- @version 2
CREATE TYPE feed_kind AS ENUM ('rss', 'atom');
CREATE TABLE feeds (
    id int PRIMARY KEY,
    username text DEFAULT '',
    password text DEFAULT '',
    kind feed_kind,
    position serial,
    checked_at timestamptz,
    alias text GENERATED ALWAYS AS (username || '@feed') STORED
);
-- @check
INSERT INTO feeds VALUES (3, 'u', 'p', 'rss');
