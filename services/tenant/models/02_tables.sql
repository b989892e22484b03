-- tenant: bakeries (tenants), their plans, settings, members and shops.

-- One row per bakery business using the platform; its id is the tenant_id everywhere else.
CREATE TABLE tenants (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug          text        NOT NULL,
    name          text        NOT NULL,
    legal_name    text,
    tax_id        text,
    country_code  char(2)     NOT NULL DEFAULT 'ES',
    timezone      text        NOT NULL DEFAULT 'Europe/Madrid',
    currency      char(3)     NOT NULL DEFAULT 'EUR',
    is_active     boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT tenants_country_code_upper CHECK (country_code = upper(country_code))
);

-- A slug is free again once its tenant is deleted.
CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug) WHERE deleted_at IS NULL;

COMMENT ON TABLE tenants IS 'Bakery businesses; tenants.id is the tenant_id of every other service.';

-- Billing plan history; at most one live subscription per tenant.
CREATE TABLE subscriptions (
    id                    uuid                PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id             uuid                NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    plan                  subscription_plan   NOT NULL DEFAULT 'free',
    status                subscription_status NOT NULL DEFAULT 'trialing',
    seats                 integer             NOT NULL DEFAULT 1 CHECK (seats > 0),
    monthly_price         numeric(12,2)       NOT NULL DEFAULT 0 CHECK (monthly_price >= 0),
    current_period_start  timestamptz         NOT NULL DEFAULT now(),
    current_period_end    timestamptz         NOT NULL,
    trial_ends_at         timestamptz,
    canceled_at           timestamptz,
    external_billing_id   text                UNIQUE,
    created_at            timestamptz         NOT NULL DEFAULT now(),
    updated_at            timestamptz         NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_period_order CHECK (current_period_end > current_period_start)
);

CREATE UNIQUE INDEX subscriptions_one_live_per_tenant ON subscriptions (tenant_id)
    WHERE status IN ('trialing', 'active', 'past_due');

-- Free-form tenant configuration (opening hours, tax rates, feature flags).
CREATE TABLE tenant_settings (
    tenant_id      uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    settings       jsonb       NOT NULL DEFAULT '{}',
    feature_flags  jsonb       NOT NULL DEFAULT '{}',
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenant_settings_settings_is_object CHECK (jsonb_typeof(settings) = 'object')
);

CREATE INDEX tenant_settings_feature_flags_idx ON tenant_settings USING gin (feature_flags jsonb_path_ops);

-- People invited to a tenant; user_id is filled in (auth service user) once they accept.
CREATE TABLE members (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id           uuid,
    invited_email     text        NOT NULL,
    role              member_role NOT NULL DEFAULT 'staff',
    invitation_token  text        NOT NULL DEFAULT encode(gen_random_bytes(24), 'hex'),
    invited_by        uuid        REFERENCES members (id) ON DELETE SET NULL,
    invited_at        timestamptz NOT NULL DEFAULT now(),
    accepted_at       timestamptz,
    removed_at        timestamptz,
    CONSTRAINT members_invitation_token_key UNIQUE (invitation_token)
);

-- One live membership per e-mail and tenant, whatever the e-mail's case.
CREATE UNIQUE INDEX members_tenant_email_key ON members (tenant_id, lower(invited_email)) WHERE removed_at IS NULL;
CREATE INDEX members_user_id_idx ON members (user_id) WHERE user_id IS NOT NULL;

COMMENT ON COLUMN members.user_id IS 'auth.users.id (other service); NULL until the invitation is accepted.';

-- Shops and production sites of a tenant.
CREATE TABLE locations (
    id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                text         NOT NULL,
    address             jsonb        NOT NULL DEFAULT '{}',
    latitude            numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
    longitude           numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
    is_production_site  boolean      NOT NULL DEFAULT false,
    opened_on           date,
    closed_on           date,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT locations_tenant_name_key UNIQUE (tenant_id, name),
    CONSTRAINT locations_closed_after_opened CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on)
);
