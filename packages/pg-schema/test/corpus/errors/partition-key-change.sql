-- @expect-error The partition key of table public.events changes (RANGE (at) -> LIST (kind))
-- @version 1
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (at);
-- @version 2
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
