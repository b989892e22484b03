-- @version 1
CREATE TYPE status AS ENUM ('draft', 'sent', 'legacy', 'paid');
CREATE TABLE orders (
  id int PRIMARY KEY,
  status status NOT NULL DEFAULT 'draft' CHECK (status <> 'sent' OR id > 0)
);
CREATE INDEX orders_unpaid ON orders (id) WHERE status <> 'paid';
CREATE VIEW paid_orders AS SELECT id, status FROM orders WHERE status = 'paid';
-- @version 2
CREATE TYPE status AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE orders (
  id int PRIMARY KEY,
  status status NOT NULL DEFAULT 'draft' CHECK (status <> 'sent' OR id > 0)
);
CREATE INDEX orders_unpaid ON orders (id) WHERE status <> 'paid';
CREATE VIEW paid_orders AS SELECT id, status FROM orders WHERE status = 'paid';
