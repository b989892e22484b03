-- Found by tools/real-history (miniflux with `--every 10`: sessions renamed to user_sessions, then
-- a new sessions table). `sessions` stays, with a new primary key sessions_pkey1, while its old
-- key name sessions_pkey now belongs to user_sessions. Down must drop user_sessions (releasing
-- sessions_pkey) before it adds sessions_pkey back on `sessions`.
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
