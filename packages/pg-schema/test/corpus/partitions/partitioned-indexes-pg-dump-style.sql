-- Models written as pg_dump writes partitioned tables: partitions as tables of their own, then
-- ATTACH PARTITION; an index ON ONLY the parent with each partition's index attached to it.
-- @version 1
CREATE TABLE public.logs (id bigint NOT NULL, at date NOT NULL, level text) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2025 (id bigint NOT NULL, at date NOT NULL, level text);
ALTER TABLE ONLY public.logs ATTACH PARTITION public.logs_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ONLY public.logs ADD CONSTRAINT logs_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.logs_2025 ADD CONSTRAINT logs_2025_pkey PRIMARY KEY (id, at);
CREATE INDEX logs_level ON ONLY public.logs USING btree (level);
CREATE INDEX logs_2025_level_idx ON public.logs_2025 USING btree (level);
ALTER INDEX public.logs_pkey ATTACH PARTITION public.logs_2025_pkey;
ALTER INDEX public.logs_level ATTACH PARTITION public.logs_2025_level_idx;
-- @version 2
CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, level text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE logs_2025 PARTITION OF logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE logs_2026 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX logs_level ON logs (level) WHERE level <> 'debug';
-- @version 3
CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, level text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE logs_2025 PARTITION OF logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE logs_2026 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX logs_level ON logs (level) WHERE level <> 'debug';
CREATE INDEX logs_2026_id ON logs_2026 (id);
