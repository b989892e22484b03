-- pos: tills in the shops, cash drawer sessions, transactions and their payments.

CREATE TABLE pos_terminals (
    id                uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid            NOT NULL,
    location_id       uuid            NOT NULL,
    serial_number     text            NOT NULL UNIQUE,
    name              text            NOT NULL,
    status            terminal_status NOT NULL DEFAULT 'active',
    software_version  text,
    last_seen_at      timestamptz,
    created_at        timestamptz     NOT NULL DEFAULT now(),
    updated_at        timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT pos_terminals_location_name_key UNIQUE (tenant_id, location_id, name)
);

COMMENT ON TABLE pos_terminals IS 'Point-of-sale tills; transactions sync from them, possibly after being offline.';

-- A shift at one till, from opening float to closing count.
CREATE TABLE cash_drawer_sessions (
    id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid          NOT NULL,
    terminal_id        uuid          NOT NULL REFERENCES pos_terminals (id) ON DELETE RESTRICT,
    opened_by          uuid          NOT NULL,
    closed_by          uuid,
    opened_at          timestamptz   NOT NULL DEFAULT now(),
    closed_at          timestamptz,
    opening_float      numeric(12,2) NOT NULL DEFAULT 0 CHECK (opening_float >= 0),
    expected_cash      numeric(12,2),
    counted_cash       numeric(12,2) CHECK (counted_cash >= 0),
    cash_difference    numeric(12,2) GENERATED ALWAYS AS (counted_cash - expected_cash) STORED,
    CONSTRAINT cash_drawer_sessions_close_after_open CHECK (closed_at IS NULL OR closed_at > opened_at)
);

-- A till has at most one open drawer.
CREATE UNIQUE INDEX cash_drawer_sessions_one_open ON cash_drawer_sessions (terminal_id) WHERE closed_at IS NULL;

CREATE TABLE pos_transactions (
    id                uuid                 PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid                 NOT NULL,
    terminal_id       uuid                 NOT NULL REFERENCES pos_terminals (id) ON DELETE RESTRICT,
    session_id        uuid                 REFERENCES cash_drawer_sessions (id) ON DELETE SET NULL,
    -- Printed receipt number.
    receipt_number    bigint               GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 MINVALUE 1 CACHE 20),
    client_txn_id     text                 NOT NULL,
    transaction_type  pos_transaction_type NOT NULL DEFAULT 'sale',
    total_amount      numeric(12,2)        NOT NULL,
    currency          char(3)              NOT NULL DEFAULT 'EUR',
    items             jsonb                NOT NULL DEFAULT '[]',
    cashier_id        uuid,
    occurred_at       timestamptz          NOT NULL,
    synced_at         timestamptz          NOT NULL DEFAULT now(),
    CONSTRAINT pos_transactions_receipt_number_key UNIQUE (receipt_number),
    -- Offline tills retry uploads: the till's own id makes the upload idempotent.
    CONSTRAINT pos_transactions_client_txn_key UNIQUE (terminal_id, client_txn_id),
    CONSTRAINT pos_transactions_sign CHECK (
        (transaction_type = 'refund' AND total_amount <= 0)
        OR (transaction_type <> 'refund' AND total_amount >= 0)
    )
);

CREATE INDEX pos_transactions_terminal_time_idx ON pos_transactions (terminal_id, occurred_at DESC)
    INCLUDE (total_amount, transaction_type);

COMMENT ON COLUMN pos_transactions.items IS 'Line items as sent by the till: [{product_id, name, qty, unit_price}].';

-- How a transaction was paid; split payments give several rows.
CREATE TABLE pos_payments (
    id                  uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid           NOT NULL,
    transaction_id      uuid           NOT NULL REFERENCES pos_transactions (id) ON DELETE CASCADE,
    method              payment_method NOT NULL,
    amount              numeric(12,2)  NOT NULL CHECK (amount <> 0),
    tip_amount          numeric(12,2)  NOT NULL DEFAULT 0 CHECK (tip_amount >= 0),
    card_last4          char(4)        CHECK (card_last4 ~ '^[0-9]{4}$'),
    authorization_code  text,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT pos_payments_card_details CHECK (method IN ('card', 'contactless') OR card_last4 IS NULL)
);

CREATE INDEX pos_payments_transaction_idx ON pos_payments (transaction_id);
