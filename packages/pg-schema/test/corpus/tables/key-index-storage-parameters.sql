-- The storage parameters of a key's index (PRIMARY KEY / UNIQUE / EXCLUDE ... WITH (fillfactor=..))
-- are not in pg_get_constraintdef's text: they were unseen (found by the online forms' tests, only
-- pg_dump saw them). They are part of the constraint now, before an exclusion's WHERE and before
-- DEFERRABLE, so a changed setting changes the constraint.
-- @version 1
CREATE TABLE bookings (
    id int PRIMARY KEY,
    code text CONSTRAINT bookings_code_key UNIQUE,
    during tstzrange,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (id > 0)
);
-- @seed
INSERT INTO bookings VALUES (1, 'a', '[2026-01-01,2026-01-02)'), (2, 'b', '[2026-01-03,2026-01-04)');
-- @version 2
CREATE TABLE bookings (
    id int PRIMARY KEY WITH (fillfactor = 80),
    code text,
    during tstzrange,
    CONSTRAINT bookings_code_key UNIQUE (code) WITH (fillfactor = 70, deduplicate_items = off) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) WITH (fillfactor = 60) WHERE (id > 0)
);
-- @check
INSERT INTO bookings VALUES (3, 'c', '[2026-01-05,2026-01-06)');
