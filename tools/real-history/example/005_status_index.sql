-- CONCURRENTLY cannot run in a transaction: real-history runs this file statement by statement.
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
