-- orders: customers, their pre-orders (cakes, catering, wholesale), lines and status history.

CREATE TABLE customers (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid        NOT NULL,
    name              text        NOT NULL,
    email             text,
    phone             text,
    is_business       boolean     NOT NULL DEFAULT false,
    tax_id            text,
    default_address   jsonb,
    marketing_opt_in  boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    CONSTRAINT customers_contact_present CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

-- E-mail lookups ignore case; a live customer's e-mail is unique per tenant.
CREATE UNIQUE INDEX customers_tenant_email_key ON customers (tenant_id, lower(email))
    WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX customers_phone_idx ON customers (tenant_id, phone) WHERE phone IS NOT NULL;

CREATE TABLE customer_orders (
    id               uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid             NOT NULL,
    order_number     integer          GENERATED ALWAYS AS IDENTITY (START WITH 1),
    customer_id      uuid             NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    location_id      uuid             NOT NULL,
    status           order_status     NOT NULL DEFAULT 'draft',
    fulfillment      fulfillment_type NOT NULL DEFAULT 'pickup',
    requested_for    timestamptz      NOT NULL,
    delivery_address jsonb,
    subtotal         numeric(12,2)    NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    delivery_fee     numeric(12,2)    NOT NULL DEFAULT 0 CHECK (delivery_fee >= 0),
    total            numeric(12,2)    GENERATED ALWAYS AS (subtotal + delivery_fee) STORED,
    deposit_paid     numeric(12,2)    NOT NULL DEFAULT 0 CHECK (deposit_paid >= 0),
    notes            text,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    updated_at       timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT customer_orders_order_number_key UNIQUE (order_number),
    CONSTRAINT customer_orders_delivery_needs_address
        CHECK (fulfillment <> 'delivery' OR delivery_address IS NOT NULL)
);

CREATE INDEX customer_orders_due_idx ON customer_orders (tenant_id, location_id, requested_for)
    WHERE status NOT IN ('delivered', 'canceled');
CREATE INDEX customer_orders_customer_idx ON customer_orders (customer_id, created_at DESC);

COMMENT ON TABLE customer_orders IS 'Orders placed ahead of time: celebration cakes, catering trays, wholesale deliveries.';
COMMENT ON COLUMN customer_orders.status IS 'New orders start as draft (a quote) until the customer confirms.';

CREATE TABLE order_lines (
    id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid          NOT NULL,
    order_id        uuid          NOT NULL REFERENCES customer_orders (id) ON DELETE CASCADE,
    line_no         smallint      NOT NULL CHECK (line_no > 0),
    product_id      uuid          NOT NULL,
    recipe_id       uuid,
    quantity        integer       NOT NULL CHECK (quantity > 0),
    unit_price      numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    customizations  jsonb         NOT NULL DEFAULT '{}',
    CONSTRAINT order_lines_order_line_no_key UNIQUE (order_id, line_no)
);

COMMENT ON COLUMN order_lines.customizations IS 'Free-form requests, e.g. {"inscription": "Feliz cumple", "size_cm": 24}.';

-- Every status change of an order, written by a trigger.
CREATE TABLE order_status_history (
    id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    order_id     uuid         NOT NULL REFERENCES customer_orders (id) ON DELETE CASCADE,
    from_status  order_status,
    to_status    order_status NOT NULL,
    changed_by   uuid,
    reason       text,
    changed_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, changed_at);
