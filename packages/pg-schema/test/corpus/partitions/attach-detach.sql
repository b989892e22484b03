-- A table becomes a partition (ATTACH PARTITION, with the parent's CHECK constraints, keys and
-- indexes made on it first under the partition's names), a partition becomes a table of its own
-- (DETACH PARTITION keeps what it inherited), and a new bound is a detach and an attach.
-- @version 1
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, placed_on date NOT NULL, r_id int REFERENCES r, note text,
  PRIMARY KEY (id, placed_on), CONSTRAINT orders_id_check CHECK (id > 0)) PARTITION BY RANGE (placed_on);
CREATE INDEX orders_note ON orders (note);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_2025 (id bigint NOT NULL, placed_on date NOT NULL, r_id int, note text);
-- @version 2
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, placed_on date NOT NULL, r_id int REFERENCES r, note text,
  PRIMARY KEY (id, placed_on), CONSTRAINT orders_id_check CHECK (id > 0)) PARTITION BY RANGE (placed_on);
CREATE INDEX orders_note ON orders (note);
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- @version 3
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, placed_on date NOT NULL, r_id int REFERENCES r, note text,
  PRIMARY KEY (id, placed_on), CONSTRAINT orders_id_check CHECK (id > 0)) PARTITION BY RANGE (placed_on);
CREATE INDEX orders_note ON orders (note);
CREATE TABLE orders_2024 (id bigint NOT NULL, placed_on date NOT NULL, r_id int REFERENCES r, note text,
  CONSTRAINT orders_2024_pkey PRIMARY KEY (id, placed_on), CONSTRAINT orders_id_check CHECK (id > 0));
CREATE INDEX orders_2024_note_idx ON orders_2024 (note);
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');
-- @version 4
CREATE TABLE r (id int PRIMARY KEY);
CREATE TABLE orders (id bigint NOT NULL, placed_on date NOT NULL, r_id int REFERENCES r, note text,
  PRIMARY KEY (id, placed_on), CONSTRAINT orders_id_check CHECK (id > 0)) PARTITION BY RANGE (placed_on);
CREATE INDEX orders_note ON orders (note);
CREATE TABLE orders_2024 (id bigint NOT NULL, placed_on date NOT NULL, r_id int, note text);
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');
