-- @version 1
CREATE TYPE status AS ENUM ('draft', 'sent', 'legacy', 'paid');
CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL DEFAULT 'draft', history status[]);
-- @version 2
CREATE TYPE status AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL DEFAULT 'draft', history status[]);
