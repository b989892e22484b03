-- @version 1
CREATE TABLE placeholder (id int);
-- @version 2
CREATE TABLE placeholder (id int);
CREATE TABLE users (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true);
CREATE TABLE order_lines (order_id int NOT NULL, amount numeric NOT NULL);
CREATE FUNCTION active_users() RETURNS SETOF users LANGUAGE sql STABLE AS $$ SELECT * FROM users WHERE active $$;
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM users $$;
CREATE FUNCTION order_total(order_id int) RETURNS numeric LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT sum(amount) FROM order_lines WHERE order_lines.order_id = order_total.order_id; END;
CREATE FUNCTION first_line() RETURNS order_lines LANGUAGE sql AS $$ SELECT * FROM order_lines LIMIT 1 $$;
