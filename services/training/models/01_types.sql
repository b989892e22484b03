-- training: enumerated types.

CREATE TYPE training_job_status AS ENUM ('queued', 'running', 'succeeded', 'failed', 'canceled');
CREATE TYPE model_algorithm AS ENUM ('prophet', 'arima', 'xgboost', 'lstm');
CREATE TYPE log_level AS ENUM ('debug', 'info', 'warning', 'error');
