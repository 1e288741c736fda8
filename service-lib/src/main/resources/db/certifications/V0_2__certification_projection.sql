-- A service's projection of the mandate-service's certifications, for the services that opt in with the Flyway
-- location db/certifications (see service-lib CertificationProjection). Never edited once landed.
CREATE TABLE certification (
    certification_id UUID        PRIMARY KEY,
    space_id         UUID        NOT NULL,
    employer         VARCHAR(13) NOT NULL,
    domain           VARCHAR(20) NOT NULL,
    capacity         VARCHAR(10) NOT NULL CHECK (capacity IN ('HOLDER', 'AGENT')),
    granted_at       TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX certification_active_by_space ON certification (space_id, employer, domain) WHERE revoked_at IS NULL;
CREATE INDEX certification_active_by_employer ON certification (employer, capacity) WHERE revoked_at IS NULL;
