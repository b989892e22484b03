-- @version 1
CREATE TABLE tenants (id uuid PRIMARY KEY, slug text NOT NULL);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  amount numeric(12,2) NOT NULL CHECK (amount >= 0),
  code text
);
-- @version 2
CREATE TABLE tenants (id uuid PRIMARY KEY, slug text NOT NULL UNIQUE);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  amount numeric(12,2) NOT NULL CHECK (amount > 0),
  code text,
  CONSTRAINT orders_code_unique UNIQUE (tenant_id, code)
);
-- @version 3
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE tenants (id uuid PRIMARY KEY, slug text NOT NULL UNIQUE);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE SET NULL,
  amount numeric(12,2) NOT NULL,
  code text,
  during tstzrange,
  CONSTRAINT orders_no_overlap EXCLUDE USING gist (tenant_id WITH =, during WITH &&)
);
