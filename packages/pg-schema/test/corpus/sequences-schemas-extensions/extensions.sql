-- @version 1
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL, secret text);
-- @version 2
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), email citext NOT NULL UNIQUE, secret text);
CREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);
-- @version 3
CREATE SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email ext.citext NOT NULL UNIQUE, secret bytea DEFAULT gen_random_bytes(16));
