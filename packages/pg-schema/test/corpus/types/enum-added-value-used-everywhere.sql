-- @version 1
CREATE TYPE status AS ENUM ('draft', 'sent');
CREATE TABLE orders (
  id int PRIMARY KEY,
  status status NOT NULL DEFAULT 'draft',
  history status[] NOT NULL DEFAULT '{}'
);
-- @version 2
CREATE TYPE status AS ENUM ('new', 'draft', 'sent', 'paid');
CREATE TABLE orders (
  id int PRIMARY KEY,
  status status NOT NULL DEFAULT 'new' CHECK (status <> 'paid' OR id > 0),
  history status[] NOT NULL DEFAULT '{new}'
);
CREATE INDEX orders_unpaid ON orders (id) WHERE status <> 'paid';
CREATE VIEW paid_orders AS SELECT id, status FROM orders WHERE status = 'paid' OR 'paid' = ANY (history);
