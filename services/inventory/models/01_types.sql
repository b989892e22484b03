-- inventory: extensions and enumerated types.

-- Trigram indexes for fuzzy ingredient search ("harina" finds "Harina de fuerza T65").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE unit_of_measure AS ENUM ('g', 'kg', 'ml', 'l', 'unit');
CREATE TYPE movement_type AS ENUM ('receipt', 'consumption', 'adjustment', 'waste', 'transfer_in', 'transfer_out', 'return');
