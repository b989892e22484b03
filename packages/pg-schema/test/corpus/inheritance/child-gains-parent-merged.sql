-- A table becomes a child (INHERIT) and stops being one (NO INHERIT): the columns and CHECK
-- constraints the parent needs are added to the child first; NO INHERIT leaves them to the child.
-- @version 1
CREATE TABLE vehicles (id bigint NOT NULL, plate text NOT NULL, CONSTRAINT vehicles_plate_check CHECK (plate <> ''), CONSTRAINT vehicles_local CHECK (id > 0) NO INHERIT);
CREATE TABLE vans (id bigint NOT NULL, plate text NOT NULL, capacity int);
-- @version 2
CREATE TABLE vehicles (id bigint NOT NULL, plate text NOT NULL, CONSTRAINT vehicles_plate_check CHECK (plate <> ''), CONSTRAINT vehicles_local CHECK (id > 0) NO INHERIT);
CREATE TABLE vans (id bigint NOT NULL, plate text NOT NULL, capacity int, CONSTRAINT vehicles_plate_check CHECK (plate <> '')) INHERITS (vehicles);
