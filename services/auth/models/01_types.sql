-- auth: extensions and enumerated types.

-- Case-insensitive text for e-mail addresses.
CREATE EXTENSION IF NOT EXISTS citext;

-- Lifecycle of a user account.
CREATE TYPE user_status AS ENUM ('pending', 'active', 'suspended', 'deleted');

-- Outcome of one login attempt (used for throttling and audits).
CREATE TYPE login_result AS ENUM ('success', 'bad_password', 'unknown_user', 'locked', 'mfa_failed');
