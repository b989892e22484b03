-- sales: daily totals per location and product, used by dashboards and the trainer.

CREATE VIEW daily_product_sales AS
SELECT s.tenant_id,
       s.location_id,
       l.product_id,
       (s.sold_at AT TIME ZONE 'UTC')::date AS sale_date,
       sum(l.quantity) AS quantity,
       sum(l.line_total) AS revenue,
       count(DISTINCT s.id) AS sale_count
FROM sales s
JOIN sale_lines l ON l.sale_id = s.id
WHERE s.status <> 'voided'
GROUP BY s.tenant_id, s.location_id, l.product_id, (s.sold_at AT TIME ZONE 'UTC')::date;
