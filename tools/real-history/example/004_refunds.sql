ALTER TYPE order_status ADD VALUE 'refunded';
COMMENT ON TABLE orders IS 'One row per checkout.';
