ALTER TABLE customers ADD COLUMN name text;
CREATE INDEX orders_customer_idx ON orders (customer_id);
