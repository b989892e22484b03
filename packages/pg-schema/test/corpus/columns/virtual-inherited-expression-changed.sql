-- A virtual column an inheritance child and a partition carry: its new expression drops and adds
-- the parent's column (SET EXPRESSION would recurse into the children behind the diff's back).
-- @min-server 18
-- @version 1
CREATE TABLE p (id int, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL);
CREATE TABLE c (extra text) INHERITS (p);
CREATE TABLE r (id int, price numeric, total numeric GENERATED ALWAYS AS (price * 2) VIRTUAL) PARTITION BY RANGE (id);
CREATE TABLE r1 PARTITION OF r FOR VALUES FROM (0) TO (100);
-- @seed
INSERT INTO p (id, price) VALUES (1, 10);
INSERT INTO c (id, price, extra) VALUES (2, 20, 'x');
INSERT INTO r (id, price) VALUES (3, 30);
-- @version 2
CREATE TABLE p (id int, price numeric, total numeric GENERATED ALWAYS AS (price * 3) VIRTUAL);
CREATE TABLE c (extra text) INHERITS (p);
CREATE TABLE r (id int, price numeric, total numeric GENERATED ALWAYS AS (price * 3) VIRTUAL) PARTITION BY RANGE (id);
CREATE TABLE r1 PARTITION OF r FOR VALUES FROM (0) TO (100);
