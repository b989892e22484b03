-- external: everything lives in its own schema "external".

CREATE SCHEMA external;

COMMENT ON SCHEMA external IS 'Data pulled from outside providers: weather, public holidays, traffic, local events.';

CREATE TYPE external.weather_condition AS ENUM ('clear', 'cloudy', 'rain', 'snow', 'storm', 'fog');
CREATE TYPE external.event_category AS ENUM ('market', 'festival', 'sports', 'concert', 'school', 'other');
