-- eDelivery follows the mandate (issue 12): when a space no longer holds any mandate for an employer and a domain,
-- its eDelivery for them stops. The activation row stays as history, with when and why it stopped.
ALTER TABLE edelivery_activation ADD COLUMN stopped_at  TIMESTAMPTZ;
ALTER TABLE edelivery_activation ADD COLUMN stop_reason VARCHAR(20);
ALTER TABLE edelivery_activation ADD CONSTRAINT edelivery_activation_stop_complete
    CHECK ((stopped_at IS NULL) = (stop_reason IS NULL));

-- The space's access to the inbox documents of that employer and domain ends with it: the rows stay (history,
-- readings), hidden from the space's list and download.
ALTER TABLE inbox_document ADD COLUMN access_ended_at TIMESTAMPTZ;
