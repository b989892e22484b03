-- Partitions that are partitioned themselves: a column of the top parent reaches every level.
-- @version 1
CREATE TABLE sales (id bigint NOT NULL, region text NOT NULL, sold_on date NOT NULL) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu') PARTITION BY RANGE (sold_on);
CREATE TABLE sales_eu_2025 PARTITION OF sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX sales_sold_on ON sales (sold_on);
-- @version 2
CREATE TABLE sales (id bigint NOT NULL, region text NOT NULL, sold_on date NOT NULL, amount numeric(12,2) DEFAULT 0 NOT NULL) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu') PARTITION BY RANGE (sold_on);
CREATE TABLE sales_eu_2025 PARTITION OF sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');
CREATE INDEX sales_sold_on ON sales (sold_on);
CREATE INDEX sales_amount ON sales (amount);
-- @version 3
CREATE TABLE sales (id bigint NOT NULL, region text NOT NULL, sold_on date NOT NULL, amount numeric(14,2) DEFAULT 0 NOT NULL) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu') PARTITION BY RANGE (sold_on);
CREATE TABLE sales_eu_2025 PARTITION OF sales_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE sales_eu_2026 PARTITION OF sales_eu FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');
CREATE INDEX sales_sold_on ON sales (sold_on);
CREATE INDEX sales_amount ON sales (amount);
