-- PENDING (found by tools/real-history on miniflux with `--every 10`: step 1 -> 11 holds
-- migrations 9 and 10, sessions renamed to user_sessions then a new sessions table; PG15 and PG18).
-- The table `sessions` stays (other columns, a new primary key sessions_pkey1) while its old
-- primary key name sessions_pkey now belongs to the new table user_sessions. Up applies (the old
-- constraints are dropped first), but down adds sessions_pkey back on `sessions` before it drops
-- user_sessions, which still holds the name: down fails with
-- `relation "sessions_pkey" already exists` (SQLSTATE 42P07). Names must be released before they
-- are reused, in both directions.
-- @version 1
CREATE TABLE sessions (id serial PRIMARY KEY, token text);
-- @version 2
CREATE SEQUENCE sessions_id_seq AS integer;
CREATE TABLE user_sessions (
    id int NOT NULL DEFAULT nextval('sessions_id_seq') CONSTRAINT sessions_pkey PRIMARY KEY,
    token text
);
ALTER SEQUENCE sessions_id_seq OWNED BY user_sessions.id;
CREATE TABLE sessions (id text CONSTRAINT sessions_pkey1 PRIMARY KEY, data jsonb NOT NULL);
