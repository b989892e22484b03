-- @version 1
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN money_amount AS numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT money_amount_positive CHECK (VALUE >= 0);
CREATE TABLE accounts (id int PRIMARY KEY, email email, balance money_amount);
-- @version 2
CREATE DOMAIN money_amount AS numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT money_amount_positive CHECK (VALUE >= 0);
CREATE DOMAIN short_code AS varchar(8) COLLATE "C";
COMMENT ON DOMAIN short_code IS 'Eight characters at most';
CREATE TABLE accounts (id int PRIMARY KEY, balance money_amount, code short_code);
