-- @expect-error column public.customers.home stores values of it
-- @version 1
CREATE TYPE address AS (street text, city varchar(40));
CREATE TABLE customers (id int PRIMARY KEY, home address);
-- @version 2
CREATE TYPE address AS (street text, city varchar(80));
CREATE TABLE customers (id int PRIMARY KEY, home address);
