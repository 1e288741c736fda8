-- The W3C trace context (traceparent) of the request or event that wrote the row: the relay sends it as the record's
-- traceparent header, so a trace continues across Kafka (docs/operations.md, "Traces"). Null when tracing is off.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
