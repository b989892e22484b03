-- Found by tools/real-history (miniflux `ALTER TABLE sessions RENAME TO user_sessions`, kanboard's
-- three table renames). A table renamed without a hint is a drop and a create, and the renamed
-- table keeps the old primary key's name: the name is released (the drop) before it is reused.
-- @version 1
CREATE TABLE sessions (id serial PRIMARY KEY, token text);
-- @version 2
CREATE SEQUENCE sessions_id_seq AS integer;
CREATE TABLE user_sessions (
    id int NOT NULL DEFAULT nextval('sessions_id_seq') CONSTRAINT sessions_pkey PRIMARY KEY,
    token text
);
ALTER SEQUENCE sessions_id_seq OWNED BY user_sessions.id;
