-- Only the storage parameters of a key's index change: ALTER INDEX ... SET / RESET, no rebuild
-- of the key (and no drop of the foreign keys that reference it).
-- @expect-sql ALTER INDEX public.accounts_pkey SET (fillfactor=50)
-- @expect-sql ALTER INDEX public.accounts_email_key RESET (fillfactor)
-- @version 1
CREATE TABLE accounts (
    id int PRIMARY KEY WITH (fillfactor = 70),
    email text CONSTRAINT accounts_email_key UNIQUE WITH (fillfactor = 90)
);
CREATE TABLE sessions (id int PRIMARY KEY, account_id int REFERENCES accounts);
-- @seed
INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com');
INSERT INTO sessions VALUES (1, 1);
-- @version 2
CREATE TABLE accounts (
    id int PRIMARY KEY WITH (fillfactor = 50),
    email text CONSTRAINT accounts_email_key UNIQUE
);
CREATE TABLE sessions (id int PRIMARY KEY, account_id int REFERENCES accounts);
