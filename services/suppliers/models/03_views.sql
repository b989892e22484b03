-- suppliers: purchase orders still waiting for goods, with what is outstanding.

CREATE VIEW open_purchase_orders AS
SELECT po.tenant_id,
       po.id AS purchase_order_id,
       po.po_number,
       s.name AS supplier_name,
       po.status,
       po.expected_delivery_date,
       sum(l.quantity_ordered - l.quantity_received) AS outstanding_quantity,
       sum(l.line_total) AS ordered_amount
FROM purchase_orders po
JOIN suppliers s ON s.id = po.supplier_id
JOIN purchase_order_lines l ON l.purchase_order_id = po.id
WHERE po.status IN ('submitted', 'confirmed', 'partially_received')
GROUP BY po.tenant_id, po.id, po.po_number, s.name, po.status, po.expected_delivery_date;
