-- A default partition, created, then detached and attached again as a list partition.
-- @version 1
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
-- @version 2
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TABLE events_other PARTITION OF events DEFAULT;
-- @version 3
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click', 'tap');
CREATE TABLE events_other (id bigint NOT NULL, kind text NOT NULL);
-- @version 4
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click', 'tap');
CREATE TABLE events_other PARTITION OF events DEFAULT;
