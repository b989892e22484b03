-- @skip-pg-dump ADD COLUMN appends: the migrated table has the new column last, the models' in the middle
-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, created_at timestamptz);
-- @version 2
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, nickname text, created_at timestamptz);
