-- @version 1
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, tenant int NOT NULL, deleted_at timestamptz, name text);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_tenant ON users (tenant);
CREATE INDEX users_name ON users (name);
-- @version 2
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, tenant int NOT NULL, deleted_at timestamptz, name text);
CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX users_tenant ON users (tenant) INCLUDE (name, email);
CREATE INDEX users_recent ON users (tenant, deleted_at DESC NULLS LAST);
CREATE UNIQUE INDEX users_name_nd ON users (name) NULLS NOT DISTINCT;
