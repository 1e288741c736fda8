-- A service's projection of the mandate-service's mandates (service-lib MandateProjection), for the services that
-- switch it on with guichet.projections.mandates=true.
CREATE TABLE mandate (
    mandate_id  UUID        PRIMARY KEY,
    space_id    UUID        NOT NULL,
    employer    VARCHAR(13) NOT NULL,
    domain      VARCHAR(20) NOT NULL,
    capacity    VARCHAR(10) NOT NULL CHECK (capacity IN ('HOLDER', 'AGENT')),
    granted_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX mandate_active_by_space ON mandate (space_id, employer, domain) WHERE revoked_at IS NULL;
CREATE INDEX mandate_active_by_employer ON mandate (employer, capacity) WHERE revoked_at IS NULL;
