-- @version 1
CREATE TABLE accounts (id int PRIMARY KEY, balance numeric(10,2) NOT NULL, name varchar(50));
CREATE VIEW rich AS SELECT id, balance, name FROM accounts WHERE balance > 1000;
CREATE VIEW rich_names AS SELECT name FROM rich;
CREATE MATERIALIZED VIEW rich_total AS SELECT sum(balance) AS total FROM rich;
CREATE INDEX accounts_name ON accounts (name);
-- @version 2
CREATE TABLE accounts (id int PRIMARY KEY, balance numeric(14,2) NOT NULL, name varchar(120));
CREATE VIEW rich AS SELECT id, balance, name FROM accounts WHERE balance > 1000;
CREATE VIEW rich_names AS SELECT name FROM rich;
CREATE MATERIALIZED VIEW rich_total AS SELECT sum(balance) AS total FROM rich;
CREATE INDEX accounts_name ON accounts (name);
