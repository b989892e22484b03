-- forecasting: demand forecasts per location and product, and their daily points.

-- One forecast run for a product at a location over a horizon of days.
CREATE TABLE forecasts (
    id            uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid            NOT NULL,
    location_id   uuid            NOT NULL,
    product_id    uuid            NOT NULL,
    model_id      uuid            NOT NULL,
    status        forecast_status NOT NULL DEFAULT 'pending',
    horizon_days  smallint        NOT NULL CHECK (horizon_days BETWEEN 1 AND 90),
    valid_from    date            NOT NULL,
    valid_to      date            NOT NULL,
    parameters    jsonb           NOT NULL DEFAULT '{}',
    generated_at  timestamptz,
    published_at  timestamptz,
    created_at    timestamptz     NOT NULL DEFAULT now(),
    updated_at    timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT forecasts_valid_range CHECK (valid_to >= valid_from)
);

CREATE INDEX forecasts_lookup_idx ON forecasts (tenant_id, location_id, product_id, valid_from DESC);
-- At most one published forecast per product, location and start day.
CREATE UNIQUE INDEX forecasts_one_published ON forecasts (tenant_id, location_id, product_id, valid_from)
    WHERE status = 'published';

COMMENT ON COLUMN forecasts.model_id IS 'training.models.id (other service) that produced this forecast.';

-- Predicted demand for one day; actual_quantity is filled in from sales afterwards.
CREATE TABLE forecast_points (
    forecast_id         uuid          NOT NULL REFERENCES forecasts (id) ON DELETE CASCADE,
    target_date         date          NOT NULL,
    tenant_id           uuid          NOT NULL,
    predicted_quantity  numeric(12,3) NOT NULL,
    lower_bound         numeric(12,3) NOT NULL,
    upper_bound         numeric(12,3) NOT NULL,
    actual_quantity     numeric(12,3),
    absolute_error      numeric(12,3) GENERATED ALWAYS AS (abs(actual_quantity - predicted_quantity)) STORED,
    PRIMARY KEY (forecast_id, target_date),
    CONSTRAINT forecast_points_interval_contains_prediction
        CHECK (lower_bound <= predicted_quantity AND predicted_quantity <= upper_bound),
    CONSTRAINT forecast_points_quantities_not_negative
        CHECK (predicted_quantity >= 0 AND (actual_quantity IS NULL OR actual_quantity >= 0))
);

COMMENT ON COLUMN forecast_points.absolute_error IS 'NULL until the actual quantity is known.';

-- Manual corrections by a manager (e.g. a local event the model cannot know about).
CREATE TABLE forecast_adjustments (
    id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid          NOT NULL,
    forecast_id        uuid          NOT NULL,
    target_date        date          NOT NULL,
    adjusted_quantity  numeric(12,3) NOT NULL CHECK (adjusted_quantity >= 0),
    reason             text          NOT NULL,
    adjusted_by        uuid          NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT forecast_adjustments_point_fk FOREIGN KEY (forecast_id, target_date)
        REFERENCES forecast_points (forecast_id, target_date) ON DELETE CASCADE
);

CREATE INDEX forecast_adjustments_point_idx ON forecast_adjustments (forecast_id, target_date);
