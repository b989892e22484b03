-- The parent goes while its child stays (NO INHERIT first: the child keeps the columns and CHECK
-- constraints it inherited), and comes back (created, then INHERIT).
-- @version 1
CREATE TABLE base (id bigint NOT NULL, created_at timestamptz DEFAULT now() NOT NULL, CONSTRAINT base_id_check CHECK (id > 0));
CREATE TABLE notes (id bigint NOT NULL, created_at timestamptz DEFAULT now() NOT NULL, body text,
  CONSTRAINT base_id_check CHECK (id > 0)) INHERITS (base);
-- @version 2
CREATE TABLE notes (id bigint NOT NULL, created_at timestamptz DEFAULT now() NOT NULL, body text,
  CONSTRAINT base_id_check CHECK (id > 0));
