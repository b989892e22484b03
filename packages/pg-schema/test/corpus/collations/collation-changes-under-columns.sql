-- @version 1
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE products (id int PRIMARY KEY, code text COLLATE ci NOT NULL DEFAULT 'x', note text);
CREATE INDEX products_code ON products (code);
CREATE VIEW product_codes AS SELECT id, code FROM products;
-- @seed
INSERT INTO products VALUES (1, 'A-1', 'first'), (2, 'b-2', NULL);
-- @version 2
CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE TABLE products (id int PRIMARY KEY, code text COLLATE ci NOT NULL DEFAULT 'x', note text);
CREATE INDEX products_code ON products (code);
CREATE VIEW product_codes AS SELECT id, code FROM products;
