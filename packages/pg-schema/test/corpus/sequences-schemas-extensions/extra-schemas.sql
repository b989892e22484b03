-- @version 1
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id int PRIMARY KEY, total numeric(12,2));
CREATE SCHEMA scratch;
-- @version 2
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Money in';
CREATE TABLE billing.invoices (id int PRIMARY KEY, total numeric(12,2));
CREATE SCHEMA reporting;
CREATE TYPE reporting.period AS ENUM ('day', 'week', 'month');
CREATE VIEW reporting.invoice_totals AS SELECT sum(total) AS total FROM billing.invoices;
CREATE FUNCTION reporting.total() RETURNS numeric LANGUAGE sql AS $$ SELECT sum(total) FROM billing.invoices $$;
