-- suppliers: extensions, domains and enumerated types.

CREATE EXTENSION IF NOT EXISTS citext;

-- A case-insensitive e-mail address with a minimal shape check.
CREATE DOMAIN email_address AS citext
    CONSTRAINT email_address_format CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');

CREATE TYPE purchase_order_status AS ENUM (
    'draft', 'submitted', 'confirmed', 'partially_received', 'received', 'canceled'
);
