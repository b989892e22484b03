-- @version 1
CREATE TYPE priority AS ENUM ('high', 'low', 'medium');
CREATE TABLE tasks (id int PRIMARY KEY, priority priority DEFAULT 'low');
-- @version 2
CREATE TYPE priority AS ENUM ('low', 'medium', 'high');
CREATE TABLE tasks (id int PRIMARY KEY, priority priority DEFAULT 'low');
