-- orders: open orders due in the next two days, for the shop's order board.

CREATE VIEW upcoming_orders AS
SELECT o.tenant_id,
       o.location_id,
       o.id AS order_id,
       o.order_number,
       c.name AS customer_name,
       o.status,
       o.fulfillment,
       o.requested_for,
       o.total,
       o.total - o.deposit_paid AS balance_due
FROM customer_orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status NOT IN ('delivered', 'canceled')
  AND o.requested_for < now() + interval '2 days';
