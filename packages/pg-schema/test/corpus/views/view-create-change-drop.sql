-- @version 1
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), active boolean NOT NULL DEFAULT true);
CREATE VIEW active_products AS SELECT id, name FROM products WHERE active;
CREATE VIEW old_report AS SELECT count(*) AS n FROM products;
-- @version 2
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), active boolean NOT NULL DEFAULT true);
CREATE VIEW active_products AS SELECT id, name, price FROM products WHERE active AND price IS NOT NULL;
CREATE VIEW product_prices AS SELECT p.name, p.price * 1.2 AS gross FROM products p ORDER BY p.name;
COMMENT ON VIEW product_prices IS 'Prices with tax';
