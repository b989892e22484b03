-- @version 1
CREATE TYPE level AS ENUM ('low', 'high');
-- @version 2
CREATE TYPE level AS ENUM ('none', 'low', 'medium', 'high');
