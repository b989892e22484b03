-- alert-processor: enumerated types.

CREATE TYPE alert_severity AS ENUM ('info', 'warning', 'critical');
CREATE TYPE alert_state AS ENUM ('open', 'acknowledged', 'resolved', 'suppressed');
CREATE TYPE alert_event_type AS ENUM (
    'created', 'repeated', 'escalated', 'acknowledged', 'resolved', 'reopened', 'notified', 'commented'
);
