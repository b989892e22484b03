-- auth: users, roles and sessions.

-- People who can sign in. E-mails stay reserved only while the account is not deleted.
CREATE TABLE users (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid        NOT NULL,
    email          citext      NOT NULL,
    display_name   text        NOT NULL, -- @renamed-from full_name
    password_hash  text        NOT NULL,
    status         user_status NOT NULL DEFAULT 'pending',
    phone          text,
    mfa_enabled    boolean     NOT NULL DEFAULT false,
    last_login_at  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    deleted_at     timestamptz,
    CONSTRAINT users_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    -- Named before the rename; RENAME COLUMN keeps constraint names, so the name stays.
    CONSTRAINT users_full_name_not_blank CHECK (btrim(display_name) <> '')
);

CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, email) WHERE deleted_at IS NULL;
CREATE INDEX users_tenant_status_idx ON users (tenant_id, status);

COMMENT ON TABLE users IS 'Accounts that can sign in to the bakery platform, one set per tenant.';
COMMENT ON COLUMN users.password_hash IS 'Argon2id hash; never the password itself.';

-- Named sets of permissions. Built-in roles have no tenant (tenant_id IS NULL).
CREATE TABLE roles (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid,
    name         text        NOT NULL,
    description  text,
    permissions  text[]      NOT NULL DEFAULT '{}',
    is_system    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- One role name per tenant, and one per name among the built-in roles too.
    CONSTRAINT roles_tenant_name_key UNIQUE NULLS NOT DISTINCT (tenant_id, name),
    CONSTRAINT roles_system_has_no_tenant CHECK (NOT is_system OR tenant_id IS NULL)
);

COMMENT ON COLUMN roles.tenant_id IS 'NULL for the built-in roles shared by every tenant.';

-- Which user holds which role.
CREATE TABLE user_roles (
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id     uuid        NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    tenant_id   uuid        NOT NULL,
    granted_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role_id)
);

CREATE INDEX user_roles_role_id_idx ON user_roles (role_id);

-- Long-lived tokens used to mint access tokens; rotated on every use.
CREATE TABLE refresh_tokens (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid        NOT NULL,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    user_agent   text,
    ip_address   inet,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    replaced_by  uuid        REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    CONSTRAINT refresh_tokens_expiry_after_creation CHECK (expires_at > created_at)
);

-- Live tokens of a user, with the expiry available from the index alone.
CREATE INDEX refresh_tokens_live_idx ON refresh_tokens (user_id) INCLUDE (expires_at) WHERE revoked_at IS NULL;

-- Every login attempt, successful or not; rows are append-only.
CREATE TABLE login_attempts (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid,
    email         citext       NOT NULL,
    user_id       uuid         REFERENCES users (id) ON DELETE SET NULL,
    result        login_result NOT NULL,
    ip_address    inet         NOT NULL,
    user_agent    text,
    attempted_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX login_attempts_email_time_idx ON login_attempts (email, attempted_at DESC);
CREATE INDEX login_attempts_ip_time_idx ON login_attempts (ip_address, attempted_at DESC);

COMMENT ON COLUMN login_attempts.tenant_id IS 'NULL when the e-mail matched no account.';

-- One-time password reset links.
CREATE TABLE password_reset_tokens (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);
