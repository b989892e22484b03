-- @version 1
CREATE TYPE status AS ENUM ('draft', 'sent');
CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL);
-- @version 2
CREATE TYPE status AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL);
