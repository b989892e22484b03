-- A text column becomes integer with the model's own conversion (`-- @using`, up only); the way
-- back (integer to text) has a cast, so the down section needs no hint. A later version keeps
-- the hint on the line while the type stays: no change, the hint is reported as removable.
-- @version 1
CREATE TABLE t (id int PRIMARY KEY, qty text);
-- @seed
INSERT INTO t VALUES (1, '5'), (2, '12');
-- @version 2
CREATE TABLE t (id int PRIMARY KEY, qty int -- @using nullif(trim(qty), '')::int
);
-- @version 3
CREATE TABLE t (id int PRIMARY KEY, qty int -- @using nullif(trim(qty), '')::int
, note text);
