-- The W3C trace context (traceparent) of the span that made the letter: its posting, an operator's later request in a
-- trace of its own, links to it (docs/operations.md, "Traces"). Null when tracing is off.
ALTER TABLE letter ADD COLUMN trace_parent VARCHAR(55);
