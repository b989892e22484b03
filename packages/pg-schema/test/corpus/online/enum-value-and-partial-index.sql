-- A new enum value used by a partial index on an existing table: ADD VALUE runs first outside a
-- transaction (committed before use), then the index is built concurrently.
-- @expect-sql ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'archived'
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS tickets_archived_idx
-- @version 1
CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TABLE tickets (id int PRIMARY KEY, status status NOT NULL, title text);
-- @seed
INSERT INTO tickets SELECT g, CASE WHEN g % 2 = 0 THEN 'open' ELSE 'closed' END::status, 't' || g FROM generate_series(1, 100) g;
-- @version 2
CREATE TYPE status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE tickets (id int PRIMARY KEY, status status NOT NULL, title text);
CREATE INDEX tickets_archived_idx ON tickets (id) WHERE status = 'archived';
