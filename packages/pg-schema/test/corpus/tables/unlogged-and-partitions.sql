-- @version 1
CREATE TABLE cache_entries (key text PRIMARY KEY, value jsonb);
CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, value numeric) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- @version 2
CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value jsonb);
CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, value numeric) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measurements_taken_on ON measurements (taken_on);
