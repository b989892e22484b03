-- @version 1
CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload jsonb, tags text[], during tstzrange, token text, body tsvector);
CREATE INDEX events_at ON events (at);
-- @version 2
CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload jsonb, tags text[], during tstzrange, token text, body tsvector);
CREATE INDEX events_at ON events USING brin (at) WITH (pages_per_range = 32);
CREATE INDEX events_payload ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_tags ON events USING gin (tags);
CREATE INDEX events_during ON events USING gist (during);
CREATE INDEX events_token ON events USING hash (token);
CREATE INDEX events_body ON events USING gin (body) WITH (fastupdate = off);
-- @version 3
CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload jsonb, tags text[], during tstzrange, token text, body tsvector);
CREATE INDEX events_at ON events USING brin (at);
CREATE INDEX events_payload ON events USING gin (payload);
CREATE INDEX events_during ON events USING gist (during) WHERE during IS NOT NULL;
CREATE INDEX events_token ON events USING hash (token);
