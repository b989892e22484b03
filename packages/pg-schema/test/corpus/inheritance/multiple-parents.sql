-- A child of two parents: a column both give stays when one drops it (with ONLY, so the child's
-- copy is its own from then on, as the models of versions 2 and 3 write it); a parent is removed.
-- @version 1
CREATE TABLE named (id bigint NOT NULL, name text);
CREATE TABLE dated (id bigint NOT NULL, created_on date);
CREATE TABLE docs (body text) INHERITS (named, dated);
-- @version 2
CREATE TABLE named (name text);
CREATE TABLE dated (id bigint NOT NULL, created_on date);
CREATE TABLE docs (id bigint, body text) INHERITS (named, dated);
-- @version 3
CREATE TABLE named (name text);
CREATE TABLE dated (id bigint NOT NULL, created_on date);
CREATE TABLE docs (id bigint, name text, body text) INHERITS (dated);
