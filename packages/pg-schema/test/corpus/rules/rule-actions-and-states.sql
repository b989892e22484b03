-- @version 1
CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL DEFAULT 'new');
CREATE TABLE order_log (order_id int, note text);
-- @seed
INSERT INTO orders VALUES (1, 'new'), (2, 'paid'); INSERT INTO order_log VALUES (1, 'created');
-- @version 2
CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL DEFAULT 'new');
CREATE TABLE order_log (order_id int, note text);
CREATE RULE orders_soft_delete AS ON DELETE TO orders DO INSTEAD (
  UPDATE orders SET status = 'deleted' WHERE id = old.id;
  INSERT INTO order_log VALUES (old.id, 'deleted')
);
CREATE RULE orders_audit AS ON UPDATE TO orders WHERE new.status <> old.status DO ALSO INSERT INTO order_log VALUES (new.id, new.status);
ALTER TABLE orders ENABLE ALWAYS RULE orders_audit;
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status <> 'deleted';
CREATE RULE open_orders_close AS ON DELETE TO open_orders DO INSTEAD UPDATE orders SET status = 'closed' WHERE id = old.id;
-- @seed
INSERT INTO orders VALUES (1, 'new'), (2, 'paid'); INSERT INTO order_log VALUES (1, 'created');
-- @version 3
CREATE TABLE orders (id int PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new');
CREATE TABLE order_log (order_id int, note text);
CREATE RULE orders_audit AS ON UPDATE TO orders WHERE new.status <> old.status DO ALSO INSERT INTO order_log VALUES (new.id, new.status);
ALTER TABLE orders ENABLE REPLICA RULE orders_audit;
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status <> 'deleted';
CREATE RULE open_orders_close AS ON DELETE TO open_orders DO INSTEAD UPDATE orders SET status = 'closed' WHERE id = old.id;
