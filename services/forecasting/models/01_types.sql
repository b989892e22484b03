-- forecasting: enumerated types.

CREATE TYPE forecast_status AS ENUM ('pending', 'generated', 'published', 'superseded');
