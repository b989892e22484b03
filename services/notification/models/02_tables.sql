-- notification: message templates, queued notifications and delivery attempts.

-- Versioned message templates per tenant, channel and locale.
CREATE TABLE templates (
    id          uuid                 PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid                 NOT NULL,
    code        text                 NOT NULL,
    channel     notification_channel NOT NULL,
    locale      text                 NOT NULL DEFAULT 'es-ES',
    version     integer              NOT NULL DEFAULT 1 CHECK (version > 0),
    subject     text,
    body        text                 NOT NULL,
    variables   jsonb                NOT NULL DEFAULT '[]',
    is_active   boolean              NOT NULL DEFAULT true,
    created_at  timestamptz          NOT NULL DEFAULT now(),
    updated_at  timestamptz          NOT NULL DEFAULT now(),
    CONSTRAINT templates_version_key UNIQUE (tenant_id, code, channel, locale, version),
    CONSTRAINT templates_email_has_subject CHECK (channel <> 'email' OR subject IS NOT NULL)
);

COMMENT ON COLUMN templates.variables IS 'JSON array of the placeholder names the body uses.';

-- One message to one recipient.
CREATE TABLE notifications (
    id                 uuid                 PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid                 NOT NULL,
    template_id        uuid                 REFERENCES templates (id) ON DELETE SET NULL,
    recipient_user_id  uuid,
    recipient_address  text                 NOT NULL,
    channel            notification_channel NOT NULL,
    status             notification_status  NOT NULL DEFAULT 'queued',
    priority           smallint             NOT NULL DEFAULT 0,
    payload            jsonb                NOT NULL DEFAULT '{}',
    correlation_id     text,
    scheduled_for      timestamptz          NOT NULL DEFAULT now(),
    sent_at            timestamptz,
    created_at         timestamptz          NOT NULL DEFAULT now(),
    updated_at         timestamptz          NOT NULL DEFAULT now()
);

-- The dispatcher's queue: only queued rows, with what it needs to pick a worker.
CREATE INDEX notifications_queue_idx ON notifications (scheduled_for, priority DESC)
    INCLUDE (channel, tenant_id) WHERE status = 'queued';
CREATE INDEX notifications_recipient_idx ON notifications (tenant_id, lower(recipient_address));
CREATE UNIQUE INDEX notifications_correlation_key ON notifications (tenant_id, correlation_id)
    WHERE correlation_id IS NOT NULL;

COMMENT ON COLUMN notifications.correlation_id IS 'Idempotency key from the caller; one notification per key.';

-- Every attempt to hand a notification to a provider.
CREATE TABLE delivery_attempts (
    id                   bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id      uuid             NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    tenant_id            uuid             NOT NULL,
    attempt_no           smallint         NOT NULL CHECK (attempt_no > 0),
    provider             text             NOT NULL,
    outcome              delivery_outcome NOT NULL,
    provider_message_id  text,
    response             jsonb,
    attempted_at         timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT delivery_attempts_attempt_key UNIQUE (notification_id, attempt_no)
);

-- Per-user opt-outs and quiet hours.
CREATE TABLE user_preferences (
    tenant_id          uuid                 NOT NULL,
    user_id            uuid                 NOT NULL,
    channel            notification_channel NOT NULL,
    is_enabled         boolean              NOT NULL DEFAULT true,
    quiet_hours_start  time,
    quiet_hours_end    time,
    updated_at         timestamptz          NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, channel),
    CONSTRAINT user_preferences_quiet_hours_pair
        CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
);
