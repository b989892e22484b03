-- tenant: extensions and enumerated types.

-- gen_random_bytes() for invitation tokens.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TYPE subscription_plan AS ENUM ('free', 'starter', 'professional', 'enterprise');
CREATE TYPE subscription_status AS ENUM ('trialing', 'active', 'past_due', 'canceled');
CREATE TYPE member_role AS ENUM ('owner', 'admin', 'manager', 'staff');
