-- inventory: read models.

-- Stock items at or below their ingredient's reorder point.
CREATE VIEW low_stock_items AS
SELECT si.tenant_id,
       si.location_id,
       i.id AS ingredient_id,
       i.sku,
       i.name,
       i.unit,
       si.available_quantity,
       i.reorder_point
FROM stock_items si
JOIN ingredients i ON i.id = si.ingredient_id
WHERE i.deleted_at IS NULL
  AND si.available_quantity <= i.reorder_point;

-- Batches that still hold stock and expire within a week.
CREATE VIEW expiring_batches AS
SELECT b.tenant_id,
       si.location_id,
       si.ingredient_id,
       b.id AS batch_id,
       b.batch_code,
       b.expiry_date,
       b.remaining_quantity
FROM batches b
JOIN stock_items si ON si.id = b.stock_item_id
WHERE b.remaining_quantity > 0
  AND b.expiry_date <= CURRENT_DATE + 7;
