-- @version 1
CREATE TABLE sales (id int PRIMARY KEY, day date NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW daily_sales AS SELECT day, sum(amount) AS total FROM sales GROUP BY day;
CREATE UNIQUE INDEX daily_sales_day ON daily_sales (day);
-- @version 2
CREATE TABLE sales (id int PRIMARY KEY, day date NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW daily_sales AS SELECT day, sum(amount) AS total, count(*) AS n FROM sales GROUP BY day;
CREATE UNIQUE INDEX daily_sales_day ON daily_sales (day);
CREATE INDEX daily_sales_total ON daily_sales (total DESC);
COMMENT ON MATERIALIZED VIEW daily_sales IS 'Refreshed nightly';
-- @version 3
CREATE TABLE sales (id int PRIMARY KEY, day date NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW daily_sales AS SELECT day, sum(amount) AS total, count(*) AS n FROM sales GROUP BY day;
CREATE UNIQUE INDEX daily_sales_day ON daily_sales (day);
CREATE INDEX daily_sales_n ON daily_sales (n) WHERE n > 10;
COMMENT ON MATERIALIZED VIEW daily_sales IS 'Refreshed nightly';
