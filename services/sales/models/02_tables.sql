-- sales: completed sales (from POS, web shop and wholesale), their lines and refunds.

CREATE TABLE sales (
    id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid         NOT NULL,
    location_id         uuid         NOT NULL,
    -- Human-facing receipt number, shared across tenants, starting at 100000.
    sale_number         bigint       GENERATED ALWAYS AS IDENTITY (START WITH 100000 INCREMENT BY 1) UNIQUE,
    channel             sale_channel NOT NULL DEFAULT 'in_store',
    status              sale_status  NOT NULL DEFAULT 'completed',
    customer_id         uuid,
    pos_transaction_id  uuid,
    subtotal            money_amount NOT NULL,
    tax_total           money_amount NOT NULL DEFAULT 0,
    total               money_amount NOT NULL,
    currency            char(3)      NOT NULL DEFAULT 'EUR',
    sold_at             timestamptz  NOT NULL DEFAULT now(),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    -- Added after the first release; new columns go last, where ADD COLUMN puts them.
    loyalty_points_earned integer    NOT NULL DEFAULT 0
        CONSTRAINT sales_loyalty_points_not_negative CHECK (loyalty_points_earned >= 0),
    CONSTRAINT sales_total_adds_up CHECK (total = subtotal + tax_total),
    CONSTRAINT sales_pos_transaction_key UNIQUE (pos_transaction_id)
);

CREATE INDEX sales_tenant_sold_at_idx ON sales (tenant_id, sold_at DESC);
CREATE INDEX sales_location_sold_at_idx ON sales (location_id, sold_at DESC) INCLUDE (total);

COMMENT ON TABLE sales IS 'Completed sales from every channel; the source of truth for demand history.';
COMMENT ON COLUMN sales.pos_transaction_id IS 'pos.pos_transactions.id (other service) for in-store sales.';
COMMENT ON COLUMN sales.loyalty_points_earned IS 'Points credited to the customer''s loyalty account for this sale.';

CREATE TABLE sale_lines (
    id            uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    sale_id       uuid          NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    tenant_id     uuid          NOT NULL,
    line_no       smallint      NOT NULL CHECK (line_no > 0),
    product_id    uuid          NOT NULL,
    product_name  text          NOT NULL,
    quantity      numeric(10,3) NOT NULL CHECK (quantity > 0),
    unit_price    money_amount  NOT NULL,
    discount      money_amount  NOT NULL DEFAULT 0,
    tax_rate      numeric(5,2)  NOT NULL DEFAULT 10.00 CHECK (tax_rate BETWEEN 0 AND 100),
    line_total    numeric(12,2) GENERATED ALWAYS AS (round(quantity * unit_price - discount, 2)) STORED,
    CONSTRAINT sale_lines_sale_line_no_key UNIQUE (sale_id, line_no),
    CONSTRAINT sale_lines_discount_within_price CHECK (discount <= quantity * unit_price)
);

CREATE INDEX sale_lines_product_idx ON sale_lines (tenant_id, product_id);

-- Money given back for a sale; the sale cannot be deleted while refunds exist.
CREATE TABLE refunds (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid         NOT NULL,
    sale_id      uuid         NOT NULL REFERENCES sales (id) ON DELETE RESTRICT,
    amount       money_amount NOT NULL CHECK (amount > 0),
    reason       text         NOT NULL,
    refunded_by  uuid,
    refunded_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX refunds_sale_id_idx ON refunds (sale_id);
