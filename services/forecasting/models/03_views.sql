-- forecasting: read models.

-- The forecast to use today: the published one, with any manual adjustment applied.
CREATE VIEW effective_forecast_points AS
SELECT f.tenant_id,
       f.location_id,
       f.product_id,
       p.target_date,
       p.predicted_quantity,
       coalesce(a.adjusted_quantity, p.predicted_quantity) AS planned_quantity,
       a.adjusted_quantity IS NOT NULL AS is_adjusted
FROM forecasts f
JOIN forecast_points p ON p.forecast_id = f.id
LEFT JOIN LATERAL (
    SELECT fa.adjusted_quantity
    FROM forecast_adjustments fa
    WHERE fa.forecast_id = p.forecast_id AND fa.target_date = p.target_date
    ORDER BY fa.created_at DESC
    LIMIT 1
) a ON true
WHERE f.status = 'published';

-- Weekly accuracy per product, refreshed nightly (REFRESH MATERIALIZED VIEW CONCURRENTLY).
CREATE MATERIALIZED VIEW forecast_accuracy_weekly AS
SELECT f.tenant_id,
       f.location_id,
       f.product_id,
       date_trunc('week', p.target_date)::date AS week_start,
       count(*) AS points,
       sum(p.absolute_error) AS total_absolute_error,
       sum(p.actual_quantity) AS total_actual_quantity,
       round(100 * sum(p.absolute_error) / nullif(sum(p.actual_quantity), 0), 2) AS wape_pct
FROM forecasts f
JOIN forecast_points p ON p.forecast_id = f.id
WHERE p.actual_quantity IS NOT NULL
GROUP BY f.tenant_id, f.location_id, f.product_id, date_trunc('week', p.target_date)::date;

-- REFRESH ... CONCURRENTLY needs a unique index.
CREATE UNIQUE INDEX forecast_accuracy_weekly_key
    ON forecast_accuracy_weekly (tenant_id, location_id, product_id, week_start);

COMMENT ON MATERIALIZED VIEW forecast_accuracy_weekly IS 'Weighted absolute percentage error per product and week.';
