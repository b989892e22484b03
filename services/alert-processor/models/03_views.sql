-- alert-processor: counts of live alerts per tenant and severity, for the header badge.

CREATE VIEW open_alert_counts AS
SELECT tenant_id,
       severity,
       count(*) AS open_count,
       min(first_seen_at) AS oldest_first_seen_at
FROM alerts
WHERE state IN ('open', 'acknowledged')
GROUP BY tenant_id, severity;
