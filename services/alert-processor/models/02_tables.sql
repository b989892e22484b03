-- alert-processor: rules evaluated against events from other services, the alerts they raise,
-- each alert's timeline, and who wants to hear about which rule.

CREATE TABLE alert_rules (
    id              uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid           NOT NULL,
    name            text           NOT NULL,
    description     text,
    source_service  text           NOT NULL,
    event_type      text           NOT NULL,
    condition       jsonb          NOT NULL,
    severity        alert_severity NOT NULL DEFAULT 'warning',
    cooldown        interval       NOT NULL DEFAULT '15 minutes' CHECK (cooldown >= '0 seconds'),
    is_enabled      boolean        NOT NULL DEFAULT true,
    created_by      uuid,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    updated_at      timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT alert_rules_tenant_name_key UNIQUE (tenant_id, name),
    CONSTRAINT alert_rules_condition_is_object CHECK (jsonb_typeof(condition) = 'object')
);

-- Rule matching: enabled rules for an incoming event type.
CREATE INDEX alert_rules_match_idx ON alert_rules (source_service, event_type) WHERE is_enabled;
-- Containment queries on conditions, e.g. condition @> '{"metric": "stock_level"}'.
CREATE INDEX alert_rules_condition_idx ON alert_rules USING gin (condition jsonb_path_ops);

COMMENT ON COLUMN alert_rules.condition IS 'JSON rule: {"metric": ..., "op": "<", "threshold": ..., "for": "10m"}.';

CREATE TABLE alerts (
    id                uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid           NOT NULL,
    rule_id           uuid           REFERENCES alert_rules (id) ON DELETE SET NULL,
    severity          alert_severity NOT NULL,
    state             alert_state    NOT NULL DEFAULT 'open',
    title             text           NOT NULL,
    message           text,
    fingerprint       text           NOT NULL,
    source_service    text           NOT NULL,
    entity_type       text,
    entity_id         uuid,
    context           jsonb          NOT NULL DEFAULT '{}',
    occurrence_count  integer        NOT NULL DEFAULT 1 CHECK (occurrence_count > 0),
    first_seen_at     timestamptz    NOT NULL DEFAULT now(),
    last_seen_at      timestamptz    NOT NULL DEFAULT now(),
    acknowledged_by   uuid,
    acknowledged_at   timestamptz,
    resolved_at       timestamptz,
    created_at        timestamptz    NOT NULL DEFAULT now(),
    updated_at        timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT alerts_seen_order CHECK (last_seen_at >= first_seen_at),
    CONSTRAINT alerts_resolved_has_time CHECK (state <> 'resolved' OR resolved_at IS NOT NULL)
);

-- De-duplication: a repeat of a live alert bumps occurrence_count instead of opening another.
CREATE UNIQUE INDEX alerts_live_fingerprint_key ON alerts (tenant_id, fingerprint)
    WHERE state IN ('open', 'acknowledged');
CREATE INDEX alerts_tenant_recent_idx ON alerts (tenant_id, created_at DESC) INCLUDE (severity, state, title);
CREATE INDEX alerts_entity_idx ON alerts (entity_type, entity_id) WHERE entity_id IS NOT NULL;

COMMENT ON TABLE alerts IS 'Alerts raised by rules (low stock, failed training job, late delivery, ...).';

CREATE TABLE alert_events (
    id           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid             NOT NULL,
    alert_id     uuid             NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    event_type   alert_event_type NOT NULL,
    actor_id     uuid,
    details      jsonb            NOT NULL DEFAULT '{}',
    occurred_at  timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, occurred_at);

-- Who is told about alerts of a rule, from which severity up, on which channel.
CREATE TABLE alert_subscriptions (
    id            uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid           NOT NULL,
    rule_id       uuid           NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    user_id       uuid           NOT NULL,
    channel       text           NOT NULL DEFAULT 'in_app' CHECK (channel IN ('email', 'sms', 'push', 'in_app')),
    min_severity  alert_severity NOT NULL DEFAULT 'warning',
    created_at    timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT alert_subscriptions_rule_user_channel_key UNIQUE (rule_id, user_id, channel)
);
