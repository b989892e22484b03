-- sales: domains and enumerated types.

-- A money amount that cannot be negative (prices, totals, taxes).
CREATE DOMAIN money_amount AS numeric(12,2)
    CONSTRAINT money_amount_not_negative CHECK (VALUE >= 0);

CREATE TYPE sale_channel AS ENUM ('in_store', 'online', 'wholesale', 'delivery_app');
CREATE TYPE sale_status AS ENUM ('completed', 'partially_refunded', 'refunded', 'voided');
