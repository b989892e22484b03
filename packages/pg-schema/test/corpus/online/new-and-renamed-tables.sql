-- Online forms only where a table already holds rows: a new table and its index stay plain; a
-- renamed table's new index is built concurrently after the rename; a foreign key from an
-- existing table to the new table is added NOT VALID and validated.
-- @expect-sql CREATE INDEX tags_label_idx ON public.tags USING btree (label);
-- @expect-sql CREATE INDEX CONCURRENTLY IF NOT EXISTS notes_body_idx ON public.notes
-- @expect-sql ADD CONSTRAINT notes_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id) NOT VALID;
-- @version 1
CREATE TABLE memos (id int PRIMARY KEY, body text, tag_id int);
-- @seed
INSERT INTO memos SELECT g, 'memo ' || g, NULL FROM generate_series(1, 100) g;
-- @version 2
CREATE TABLE tags (id int PRIMARY KEY, label text);
CREATE INDEX tags_label_idx ON tags (label);
CREATE TABLE notes ( -- @renamed-from memos
  id int PRIMARY KEY,
  body text,
  tag_id int REFERENCES tags (id)
);
CREATE INDEX notes_body_idx ON notes (body);
