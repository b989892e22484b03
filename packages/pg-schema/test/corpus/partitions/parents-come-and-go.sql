-- A table becomes a partition of a new partitioned table; later the partitioned table is
-- dropped while its partition stays (DETACH first), and a partition is dropped while its parent
-- gets a column.
-- @version 1
CREATE TABLE visits_2025 (id bigint NOT NULL, at date NOT NULL);
CREATE TABLE clicks (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE clicks_2024 PARTITION OF clicks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE clicks_2025 PARTITION OF clicks FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- @version 2
CREATE TABLE visits (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE visits_2025 PARTITION OF visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE clicks (id bigint NOT NULL, at date NOT NULL, url text) PARTITION BY RANGE (at);
CREATE TABLE clicks_2025 PARTITION OF clicks FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- @version 3
CREATE TABLE visits_2025 (id bigint NOT NULL, at date NOT NULL);
CREATE TABLE clicks (id bigint NOT NULL, at date NOT NULL, url text) PARTITION BY RANGE (at);
CREATE TABLE clicks_2025 PARTITION OF clicks FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
