-- @version 1
CREATE DOMAIN quantity AS integer CONSTRAINT quantity_positive CHECK (VALUE > 0);
CREATE TABLE stock (id int PRIMARY KEY, qty quantity);
-- @version 2
CREATE DOMAIN quantity AS integer NOT NULL DEFAULT 1
  CONSTRAINT quantity_positive CHECK (VALUE >= 0)
  CONSTRAINT quantity_bounded CHECK (VALUE < 1000000);
CREATE TABLE stock (id int PRIMARY KEY, qty quantity);
-- @version 3
CREATE DOMAIN quantity AS integer DEFAULT 0 CONSTRAINT quantity_bounded CHECK (VALUE < 1000000);
CREATE TABLE stock (id int PRIMARY KEY, qty quantity);
