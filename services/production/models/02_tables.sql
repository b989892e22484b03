-- production: daily production plans, the batches baked from them, equipment and quality checks.

-- Ovens, mixers, proofers.
CREATE TABLE production_equipment ( -- @renamed-from equipment
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid        NOT NULL,
    location_id          uuid        NOT NULL,
    name                 text        NOT NULL,
    equipment_type       text        NOT NULL CHECK (equipment_type IN ('oven', 'mixer', 'proofer', 'sheeter', 'fryer', 'other')),
    capacity_units       integer     CHECK (capacity_units > 0),
    is_operational       boolean     NOT NULL DEFAULT true,
    last_maintenance_on  date,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT production_equipment_location_name_key UNIQUE (tenant_id, location_id, name)
);

-- What a location bakes on one day, usually derived from a forecast.
CREATE TABLE production_plans (
    id           uuid                   PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid                   NOT NULL,
    location_id  uuid                   NOT NULL,
    plan_date    date                   NOT NULL,
    status       production_plan_status NOT NULL DEFAULT 'draft',
    forecast_id  uuid,
    notes        text,
    approved_by  uuid,
    approved_at  timestamptz,
    created_at   timestamptz            NOT NULL DEFAULT now(),
    updated_at   timestamptz            NOT NULL DEFAULT now(),
    CONSTRAINT production_plans_location_day_key UNIQUE (tenant_id, location_id, plan_date),
    CONSTRAINT production_plans_approval_pair CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);

COMMENT ON COLUMN production_plans.forecast_id IS 'forecasting.forecasts.id (other service) the plan was built from.';

CREATE TABLE production_plan_items (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid        NOT NULL,
    plan_id            uuid        NOT NULL REFERENCES production_plans (id) ON DELETE CASCADE,
    recipe_version_id  uuid        NOT NULL,
    product_id         uuid        NOT NULL,
    planned_quantity   integer     NOT NULL CHECK (planned_quantity > 0),
    priority           smallint    NOT NULL DEFAULT 0,
    CONSTRAINT production_plan_items_plan_product_key UNIQUE (plan_id, product_id)
);

-- One physical batch: a mix that goes through proofing and baking together.
CREATE TABLE production_batches (
    id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid          NOT NULL,
    plan_item_id       uuid          REFERENCES production_plan_items (id) ON DELETE SET NULL,
    equipment_id       uuid          REFERENCES production_equipment (id) ON DELETE SET NULL,
    batch_code         text          NOT NULL,
    recipe_version_id  uuid          NOT NULL,
    status             batch_status  NOT NULL DEFAULT 'planned',
    planned_quantity   integer       NOT NULL CHECK (planned_quantity > 0),
    produced_quantity  integer       CHECK (produced_quantity >= 0),
    waste_quantity     integer       NOT NULL DEFAULT 0 CHECK (waste_quantity >= 0),
    yield_pct          numeric(6,2)  GENERATED ALWAYS AS (round(100.0 * produced_quantity / planned_quantity, 2)) STORED,
    started_at         timestamptz,
    finished_at        timestamptz,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT production_batches_tenant_code_key UNIQUE (tenant_id, batch_code),
    CONSTRAINT production_batches_finish_after_start CHECK (finished_at IS NULL OR finished_at >= started_at)
);

CREATE INDEX production_batches_active_idx ON production_batches (tenant_id, status)
    WHERE status NOT IN ('completed', 'discarded');
CREATE INDEX production_batches_plan_item_idx ON production_batches (plan_item_id);

COMMENT ON COLUMN production_batches.yield_pct IS 'Produced versus planned, in percent; NULL until produced_quantity is known.';

-- Checks on a batch: core temperature, weight, colour, taste.
CREATE TABLE quality_checks (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid        NOT NULL,
    batch_id      uuid        NOT NULL REFERENCES production_batches (id) ON DELETE CASCADE,
    check_type    text        NOT NULL,
    result        qc_result   NOT NULL,
    measurements  jsonb       NOT NULL DEFAULT '{}',
    checked_by    uuid        NOT NULL,
    checked_at    timestamptz NOT NULL DEFAULT now(),
    notes         text,
    CONSTRAINT quality_checks_failure_explained CHECK (result = 'pass' OR notes IS NOT NULL)
);

CREATE INDEX quality_checks_batch_idx ON quality_checks (batch_id, checked_at);
