-- PENDING (found by tools/real-history: miniflux `ALTER TABLE sessions RENAME TO user_sessions`
-- and kanboard's three table renames, 4 of their 228 steps, on PG15 and PG18).
-- A table renamed without a hint is a drop and a create, and the renamed table keeps the old
-- primary key's name (renaming a table does not rename its constraints). The new table is created,
-- with that constraint, before the old one is dropped: up fails with
-- `relation "sessions_pkey" already exists` (SQLSTATE 42P07). The name must be released (the
-- drop, or a rename) before it is reused; issue 12 bug 1 is the same ordering with a serial moved
-- to a new table.
-- @version 1
CREATE TABLE sessions (id serial PRIMARY KEY, token text);
-- @version 2
CREATE SEQUENCE sessions_id_seq AS integer;
CREATE TABLE user_sessions (
    id int NOT NULL DEFAULT nextval('sessions_id_seq') CONSTRAINT sessions_pkey PRIMARY KEY,
    token text
);
ALTER SEQUENCE sessions_id_seq OWNED BY user_sessions.id;
