-- @version 1
CREATE TABLE lines (qty int NOT NULL, price numeric(10,2) NOT NULL, total numeric GENERATED ALWAYS AS (qty * price) STORED);
-- @version 2
CREATE TABLE lines (qty int NOT NULL, price numeric(10,2) NOT NULL, total numeric GENERATED ALWAYS AS (qty * price * 1.2) STORED);
