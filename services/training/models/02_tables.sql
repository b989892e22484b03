-- training: datasets, training jobs and the demand models they produce.

-- A frozen slice of sales history used to train a model.
CREATE TABLE training_datasets (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid        NOT NULL,
    name          text        NOT NULL,
    location_id   uuid,
    product_id    uuid,
    date_from     date        NOT NULL,
    date_to       date        NOT NULL,
    row_count     integer     NOT NULL DEFAULT 0 CHECK (row_count >= 0),
    storage_uri   text        NOT NULL,
    feature_spec  jsonb       NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT training_datasets_date_range CHECK (date_to >= date_from)
);

CREATE INDEX training_datasets_tenant_product_idx ON training_datasets (tenant_id, product_id);

-- A queued or finished run of the trainer.
CREATE TABLE training_jobs (
    id                uuid                PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid                NOT NULL,
    dataset_id        uuid                NOT NULL REFERENCES training_datasets (id) ON DELETE RESTRICT,
    algorithm         model_algorithm     NOT NULL,
    status            training_job_status NOT NULL DEFAULT 'queued',
    hyperparameters   jsonb               NOT NULL DEFAULT '{}',
    priority          smallint            NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    requested_by      uuid,
    worker_id         text,
    queued_at         timestamptz         NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    duration_seconds  numeric             GENERATED ALWAYS AS (EXTRACT(EPOCH FROM finished_at - started_at)) STORED,
    error_message     text,
    updated_at        timestamptz         NOT NULL DEFAULT now(),
    CONSTRAINT training_jobs_finish_after_start CHECK (finished_at IS NULL OR finished_at >= started_at),
    CONSTRAINT training_jobs_failure_has_message CHECK (status <> 'failed' OR error_message IS NOT NULL)
);

-- The worker queue: highest priority, oldest first.
CREATE INDEX training_jobs_queue_idx ON training_jobs (priority DESC, queued_at) WHERE status = 'queued';
CREATE INDEX training_jobs_tenant_idx ON training_jobs (tenant_id, queued_at DESC);

COMMENT ON COLUMN training_jobs.duration_seconds IS 'Wall-clock run time, computed from started_at and finished_at.';

-- Trained models; at most one active model per tenant and product.
CREATE TABLE models (
    id               uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid            NOT NULL,
    training_job_id  uuid            REFERENCES training_jobs (id) ON DELETE SET NULL,
    product_id       uuid            NOT NULL,
    algorithm        model_algorithm NOT NULL,
    version          integer         NOT NULL CHECK (version > 0),
    artifact_uri     text            NOT NULL,
    metrics          jsonb           NOT NULL DEFAULT '{}',
    is_active        boolean         NOT NULL DEFAULT false,
    trained_at       timestamptz     NOT NULL DEFAULT now(),
    retired_at       timestamptz,
    CONSTRAINT models_tenant_product_version_key UNIQUE (tenant_id, product_id, version)
);

CREATE UNIQUE INDEX models_one_active_per_product ON models (tenant_id, product_id) WHERE is_active;
-- Lets the dashboard filter models by metric thresholds, e.g. metrics @> '{"mape_ok": true}'.
CREATE INDEX models_metrics_idx ON models USING gin (metrics);

COMMENT ON TABLE models IS 'Demand models produced by training jobs and served by the forecasting service.';

-- Log lines streamed by the trainer while a job runs.
CREATE TABLE training_job_logs (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES training_jobs (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL,
    level      log_level   NOT NULL DEFAULT 'info',
    message    text        NOT NULL,
    logged_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX training_job_logs_job_idx ON training_job_logs (job_id, id);
