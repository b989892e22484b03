-- Settings of partitioned tables and partitions: an identity on the parent (PG17+ copies it onto
-- partitions, PG15 does not: a partition's identity is its parent's), column storage a new
-- partition copies from its parent, storage parameters and replica identity per partition, an
-- index of the parent whose storage parameters change (rebuilt: Postgres refuses to alter a
-- partitioned index's).
-- @version 1
CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY, day date NOT NULL, payload text) PARTITION BY RANGE (day);
CREATE TABLE jobs_2025 PARTITION OF jobs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX jobs_day ON jobs (day) WITH (fillfactor = 80);
-- @version 2
CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY, day date NOT NULL, payload text) PARTITION BY RANGE (day);
ALTER TABLE jobs ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN payload SET COMPRESSION pglz;
CREATE TABLE jobs_2025 PARTITION OF jobs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') WITH (fillfactor = 90);
CREATE TABLE jobs_2026 PARTITION OF jobs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') WITH (autovacuum_enabled = false);
ALTER TABLE jobs_2026 REPLICA IDENTITY FULL;
ALTER TABLE jobs REPLICA IDENTITY FULL;
CREATE INDEX jobs_day ON jobs (day) WITH (fillfactor = 70);
