-- A primary key added to an existing table whose columns are nullable: the columns get NOT NULL
-- through validated checks first, then the key is added USING a concurrently built index.
-- @expect-sql CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_pkey ON public.events USING btree (tenant, id);
-- @expect-sql ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey
-- @expect-sql VALIDATE CONSTRAINT tenant_not_null_tmp
-- @version 1
CREATE TABLE events (tenant int, id bigint, payload jsonb);
-- @seed
INSERT INTO events SELECT g % 7, g, '{}' FROM generate_series(1, 300) g;
-- @version 2
CREATE TABLE events (tenant int, id bigint, payload jsonb, PRIMARY KEY (tenant, id));
