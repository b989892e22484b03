-- A foreign key that references a unique constraint the same migration adds online: the key is
-- attached USING INDEX first, then the foreign key is added NOT VALID and validated after it.
-- @expect-sql ADD CONSTRAINT products_sku_key UNIQUE USING INDEX products_sku_key
-- @expect-sql VALIDATE CONSTRAINT lines_sku_fkey
-- @version 1
CREATE TABLE products (id int PRIMARY KEY, sku text NOT NULL);
CREATE TABLE lines (id int PRIMARY KEY, sku text NOT NULL);
-- @seed
INSERT INTO products SELECT g, 'sku' || g FROM generate_series(1, 40) g;
INSERT INTO lines SELECT g, 'sku' || (1 + g % 40) FROM generate_series(1, 200) g;
-- @version 2
CREATE TABLE products (id int PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE lines (id int PRIMARY KEY, sku text NOT NULL REFERENCES products (sku));
