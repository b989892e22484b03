-- @expect-no-changes
-- @version 1
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE teams (id int4 PRIMARY KEY, name varchar(80) NOT NULL UNIQUE);
CREATE TABLE people (
  id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id int4 REFERENCES teams (id) ON DELETE CASCADE,
  nick varchar,
  score float8 DEFAULT 0,
  joined timestamptz DEFAULT now(),
  flag bool NOT NULL DEFAULT false,
  mood mood,
  price decimal(10, 2) CHECK (price > 0)
);
CREATE INDEX people_team ON people (team_id);
CREATE VIEW happy_people AS SELECT id, nick FROM people WHERE mood = 'happy';
-- @version 2
SET search_path = public;
CREATE TABLE public.teams (
  id integer NOT NULL,
  name character varying(80) NOT NULL,
  CONSTRAINT teams_pkey PRIMARY KEY (id),
  CONSTRAINT teams_name_key UNIQUE (name)
);
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.people (
  id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
  team_id integer,
  nick character varying,
  score double precision DEFAULT 0,
  joined timestamp with time zone DEFAULT pg_catalog.now(),
  flag boolean DEFAULT FALSE NOT NULL,
  mood public.mood,
  price numeric(10,2),
  CONSTRAINT people_pkey PRIMARY KEY (id),
  CONSTRAINT people_price_check CHECK (price > 0::numeric)
);
ALTER TABLE ONLY public.people
  ADD CONSTRAINT people_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;
CREATE VIEW public.happy_people AS
  SELECT people.id, people.nick FROM public.people WHERE people.mood = 'happy'::public.mood;
CREATE INDEX people_team ON public.people USING btree (team_id);
