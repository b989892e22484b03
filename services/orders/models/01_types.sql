-- orders: enumerated types.

CREATE TYPE order_status AS ENUM (
    'draft', 'pending', 'confirmed', 'in_production', 'ready', 'out_for_delivery', 'delivered', 'canceled'
);
CREATE TYPE fulfillment_type AS ENUM ('pickup', 'delivery');
