-- Issue 12: mandates that end. An agent mandate may carry the end date the employer gave it; a mandate also ends
-- when the employer register marks its employer or its agent ceased.
ALTER TABLE request_agent ADD COLUMN mandate_ends_on DATE;

ALTER TABLE mandate ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE mandate DROP CONSTRAINT mandate_end_reason_check;
ALTER TABLE mandate ADD CONSTRAINT mandate_end_reason_check
    CHECK (end_reason IN ('WITHDRAWN', 'REVOKED_BY_CODE', 'REPLACED', 'EXPIRED', 'EMPLOYER_CEASED', 'AGENT_CEASED'));
CREATE INDEX mandate_expiring ON mandate (expires_at) WHERE ended_at IS NULL AND expires_at IS NOT NULL;
CREATE INDEX mandate_by_employer ON mandate (employer) WHERE ended_at IS NULL;
CREATE INDEX mandate_by_agent ON mandate (agent_registration_number) WHERE ended_at IS NULL;
CREATE INDEX issued_code_unused_by_employer ON issued_code (employer) WHERE used_at IS NULL AND voided_at IS NULL;
