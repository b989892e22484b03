-- An inheritance parent's column changes reach its children (a child with columns of its own,
-- one declared by both); CHECK constraints are inherited except NO INHERIT ones; a child's own
-- default stays its own.
-- @version 1
CREATE TABLE items (id bigint NOT NULL, name text, price integer, CONSTRAINT items_price_check CHECK (price >= 0));
CREATE TABLE books (isbn text, name text) INHERITS (items);
CREATE TABLE toys (age_min int) INHERITS (items);
-- @version 2
CREATE TABLE items (id bigint NOT NULL, name text NOT NULL, price bigint DEFAULT 0, stock int DEFAULT 0 NOT NULL,
  CONSTRAINT items_price_check CHECK (price >= 0), CONSTRAINT items_only CHECK (id > 0) NO INHERIT,
  CONSTRAINT items_stock_check CHECK (stock >= 0));
CREATE TABLE books (isbn text, name text) INHERITS (items);
ALTER TABLE books ALTER COLUMN stock SET DEFAULT 1;
CREATE TABLE toys (age_min int) INHERITS (items);
COMMENT ON COLUMN toys.stock IS 'boxes';
-- @version 3
CREATE TABLE items (id bigint NOT NULL, name text NOT NULL, price bigint DEFAULT 0, CONSTRAINT items_price_check CHECK (price >= 0));
CREATE TABLE books (isbn text, name text) INHERITS (items);
CREATE TABLE toys (age_min int) INHERITS (items);
