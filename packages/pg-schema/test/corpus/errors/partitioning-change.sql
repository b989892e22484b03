-- @expect-error The partition key of table public.events changes (not partitioned -> RANGE (at))
-- @version 1
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL);
-- @version 2
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
