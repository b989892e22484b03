-- inventory: ingredients, stock per location, batches with expiry dates, and movements.

CREATE TABLE ingredients (
    id                uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid            NOT NULL,
    sku               text            NOT NULL,
    name              text            NOT NULL,
    category          text            NOT NULL DEFAULT 'other',
    unit              unit_of_measure NOT NULL,
    reorder_point     numeric(14,3)   NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    is_perishable     boolean         NOT NULL DEFAULT false,
    shelf_life_days   integer         CHECK (shelf_life_days > 0),
    allergens         text[]          NOT NULL DEFAULT '{}',
    created_at        timestamptz     NOT NULL DEFAULT now(),
    updated_at        timestamptz     NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    CONSTRAINT ingredients_perishable_shelf_life CHECK (NOT is_perishable OR shelf_life_days IS NOT NULL)
);

CREATE UNIQUE INDEX ingredients_tenant_sku_key ON ingredients (tenant_id, sku) WHERE deleted_at IS NULL;
CREATE INDEX ingredients_name_trgm_idx ON ingredients USING gin (name gin_trgm_ops);

COMMENT ON TABLE ingredients IS 'Raw materials a bakery buys and consumes (flour, butter, yeast, ...).';

-- Stock of one ingredient at one location.
CREATE TABLE stock_items (
    id                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid          NOT NULL,
    ingredient_id       uuid          NOT NULL REFERENCES ingredients (id) ON DELETE RESTRICT,
    location_id         uuid          NOT NULL,
    quantity_on_hand    numeric(14,3) NOT NULL DEFAULT 0 CHECK (quantity_on_hand >= 0),
    reserved_quantity   numeric(14,3) NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
    available_quantity  numeric(14,3) GENERATED ALWAYS AS (quantity_on_hand - reserved_quantity) STORED,
    last_counted_at     timestamptz,
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT stock_items_location_ingredient_key UNIQUE (tenant_id, location_id, ingredient_id)
);

COMMENT ON COLUMN stock_items.available_quantity IS 'On hand minus reserved for planned production; may go negative.';

-- A delivery lot of an ingredient, tracked for first-expired-first-out and recalls.
CREATE TABLE batches (
    id                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid          NOT NULL,
    stock_item_id       uuid          NOT NULL REFERENCES stock_items (id) ON DELETE CASCADE,
    batch_code          text          NOT NULL,
    supplier_id         uuid,
    purchase_order_id   uuid,
    received_on         date          NOT NULL DEFAULT CURRENT_DATE,
    expiry_date         date,
    initial_quantity    numeric(14,3) NOT NULL CHECK (initial_quantity > 0),
    remaining_quantity  numeric(14,3) NOT NULL CHECK (remaining_quantity >= 0),
    unit_cost           numeric(12,4) NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
    created_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT batches_stock_item_code_key UNIQUE (stock_item_id, batch_code),
    CONSTRAINT batches_remaining_le_initial CHECK (remaining_quantity <= initial_quantity),
    CONSTRAINT batches_expiry_after_receipt CHECK (expiry_date IS NULL OR expiry_date >= received_on)
);

-- FEFO picking: open batches of a stock item by expiry.
CREATE INDEX batches_fefo_idx ON batches (stock_item_id, expiry_date) WHERE remaining_quantity > 0;

-- Append-only ledger of every stock change.
CREATE TABLE stock_movements (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid          NOT NULL,
    stock_item_id   uuid          NOT NULL REFERENCES stock_items (id) ON DELETE CASCADE,
    batch_id        uuid          REFERENCES batches (id) ON DELETE SET NULL,
    movement_type   movement_type NOT NULL,
    quantity        numeric(14,3) NOT NULL CHECK (quantity <> 0),
    unit_cost       numeric(12,4),
    reference_type  text,
    reference_id    uuid,
    notes           text,
    created_by      uuid,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT stock_movements_reference_pair CHECK ((reference_type IS NULL) = (reference_id IS NULL))
);

CREATE INDEX stock_movements_item_time_idx ON stock_movements (stock_item_id, created_at DESC);
CREATE INDEX stock_movements_reference_idx ON stock_movements (reference_type, reference_id)
    WHERE reference_id IS NOT NULL;
-- Monthly waste report per tenant.
CREATE INDEX stock_movements_waste_idx ON stock_movements (tenant_id, created_at)
    INCLUDE (stock_item_id, quantity) WHERE movement_type = 'waste';

COMMENT ON COLUMN stock_movements.quantity IS 'Signed: positive adds stock, negative removes it.';

-- Periodic physical counts of a location.
CREATE TABLE stock_counts (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid        NOT NULL,
    location_id    uuid        NOT NULL,
    counted_by     uuid        NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    lines          jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT stock_counts_lines_is_array CHECK (jsonb_typeof(lines) = 'array')
);
