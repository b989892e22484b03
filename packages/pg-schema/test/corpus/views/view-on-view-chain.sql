-- @version 1
CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, total numeric(12,2) NOT NULL);
CREATE VIEW big_orders AS SELECT id, customer, total FROM orders WHERE total > 100;
CREATE VIEW big_customers AS SELECT customer, count(*) AS n FROM big_orders GROUP BY customer;
CREATE VIEW top_customers AS SELECT customer FROM big_customers WHERE n > 5;
-- @version 2
CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, total numeric(12,2) NOT NULL);
CREATE VIEW big_orders AS SELECT id, customer, total FROM orders WHERE total > 500;
CREATE VIEW big_customers AS SELECT customer, count(*) AS n FROM big_orders GROUP BY customer;
CREATE VIEW top_customers AS SELECT customer FROM big_customers WHERE n > 5;
