-- Retype, default, NOT NULL, storage and statistics of a partitioned parent's column reach its
-- partitions from the parent; a partition's own default and comment are its own statements.
-- @version 1
CREATE TABLE readings (id bigint NOT NULL, taken_on date NOT NULL, value integer, note text, unit text) PARTITION BY RANGE (taken_on);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE VIEW recent AS SELECT id, value FROM readings_2025;
-- @version 2
CREATE TABLE readings (id bigint NOT NULL, taken_on date NOT NULL, value bigint DEFAULT 0 NOT NULL, note text, unit text DEFAULT 'kg') PARTITION BY RANGE (taken_on);
ALTER TABLE readings ALTER COLUMN note SET STORAGE EXTERNAL, ALTER COLUMN note SET STATISTICS 300;
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE readings_2025 ALTER COLUMN unit SET DEFAULT 'g';
COMMENT ON COLUMN readings_2025.value IS 'grams';
CREATE VIEW recent AS SELECT id, value FROM readings_2025;
-- @version 3
CREATE TABLE readings (id bigint NOT NULL, taken_on date NOT NULL, value bigint DEFAULT 0 NOT NULL, unit text DEFAULT 'kg') PARTITION BY RANGE (taken_on);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE readings_2026 PARTITION OF readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TABLE readings_2026 ALTER COLUMN value SET DEFAULT 7;
CREATE VIEW recent AS SELECT id, value FROM readings_2025;
