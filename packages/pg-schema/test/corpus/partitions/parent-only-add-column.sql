-- Column changes on a partitioned table are written once, on the parent: Postgres makes them on
-- every partition (and refuses most of them on a partition itself).
-- @version 1
CREATE TABLE m (id bigint NOT NULL, taken_on date NOT NULL) PARTITION BY RANGE (taken_on);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- @version 2
CREATE TABLE m (id bigint NOT NULL, taken_on date NOT NULL, v numeric) PARTITION BY RANGE (taken_on);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
