-- The parent drops a column one child keeps (ALTER TABLE ONLY ... DROP COLUMN leaves every
-- child's copy as its own) and another child loses (dropped on it afterwards).
-- @version 1
CREATE TABLE accounts (id bigint NOT NULL, legacy_code text, CONSTRAINT accounts_code_check CHECK (legacy_code <> ''));
CREATE TABLE shops (url text) INHERITS (accounts);
CREATE TABLE people () INHERITS (accounts);
-- @version 2
CREATE TABLE accounts (id bigint NOT NULL);
CREATE TABLE shops (legacy_code text, url text, CONSTRAINT accounts_code_check CHECK (legacy_code <> '')) INHERITS (accounts);
CREATE TABLE people () INHERITS (accounts);
