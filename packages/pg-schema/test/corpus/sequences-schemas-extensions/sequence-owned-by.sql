-- @version 1
CREATE TABLE orders (id bigint PRIMARY KEY, ref bigint);
CREATE TABLE refunds (id bigint PRIMARY KEY, ref bigint);
CREATE SEQUENCE order_refs;
-- @version 2
CREATE SEQUENCE order_refs;
CREATE TABLE orders (id bigint PRIMARY KEY, ref bigint DEFAULT nextval('order_refs'));
CREATE TABLE refunds (id bigint PRIMARY KEY, ref bigint);
ALTER SEQUENCE order_refs OWNED BY orders.ref;
-- @version 3
CREATE SEQUENCE order_refs;
CREATE TABLE orders (id bigint PRIMARY KEY, ref bigint);
CREATE TABLE refunds (id bigint PRIMARY KEY, ref bigint DEFAULT nextval('order_refs'));
ALTER SEQUENCE order_refs OWNED BY refunds.ref;
