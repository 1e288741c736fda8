-- Codes, letters, certifications and the audit trail of the mandate-service. Never edited once landed.
-- No column ever holds a code in clear: access and revocation codes are kept as HMAC-SHA-256 (lookup_hmac),
-- agent security codes and the holder's security code as Argon2id PHC strings.

-- A transmitted certification request, as much of it as issuing (and reissuing) codes needs.
CREATE TABLE code_request (
    request_id           UUID         PRIMARY KEY,
    reference            VARCHAR(64)  NOT NULL,
    filing_space_id      UUID,
    employer             VARCHAR(13)  NOT NULL,
    employer_name        VARCHAR(200) NOT NULL,
    street               VARCHAR(200) NOT NULL,
    house_number         VARCHAR(20)  NOT NULL,
    postcode             VARCHAR(20)  NOT NULL,
    locality             VARCHAR(100) NOT NULL,
    country              VARCHAR(2)   NOT NULL,
    language             VARCHAR(2)   NOT NULL,
    holder_security_hash VARCHAR(255) NOT NULL,
    transmitted_at       TIMESTAMPTZ  NOT NULL,
    received_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX code_request_by_employer ON code_request (employer);

CREATE TABLE request_agent (
    request_id          UUID         NOT NULL REFERENCES code_request (request_id),
    registration_number VARCHAR(13)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    street              VARCHAR(200) NOT NULL,
    house_number        VARCHAR(20)  NOT NULL,
    postcode            VARCHAR(20)  NOT NULL,
    locality            VARCHAR(100) NOT NULL,
    country             VARCHAR(2)   NOT NULL,
    domains             VARCHAR(100) NOT NULL,
    PRIMARY KEY (request_id, registration_number)
);

-- One set of codes for a request: the first on RequestTransmitted, another on each operator reissue.
CREATE TABLE code_issuance (
    id            UUID         PRIMARY KEY,
    request_id    UUID         NOT NULL REFERENCES code_request (request_id),
    issued_at     TIMESTAMPTZ  NOT NULL,
    issued_by     VARCHAR(255) NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE INDEX code_issuance_by_request ON code_issuance (request_id);

CREATE TABLE code_letter (
    id                        UUID        PRIMARY KEY,
    issuance_id               UUID        NOT NULL REFERENCES code_issuance (id),
    request_id                UUID        NOT NULL REFERENCES code_request (request_id),
    recipient_kind            VARCHAR(10) NOT NULL CHECK (recipient_kind IN ('EMPLOYER', 'AGENT')),
    agent_registration_number VARCHAR(13),
    posted_at                 TIMESTAMPTZ,
    returned_at               TIMESTAMPTZ
);

CREATE TABLE issued_code (
    id                        UUID         PRIMARY KEY,
    letter_id                 UUID         NOT NULL REFERENCES code_letter (id),
    issuance_id               UUID         NOT NULL REFERENCES code_issuance (id),
    request_id                UUID         NOT NULL REFERENCES code_request (request_id),
    employer                  VARCHAR(13)  NOT NULL,
    kind                      VARCHAR(20)  NOT NULL
        CHECK (kind IN ('HOLDER_ACCESS', 'HOLDER_REVOCATION', 'AGENT_SECURITY', 'AGENT_ACCESS')),
    domain                    VARCHAR(20),
    agent_registration_number VARCHAR(13),
    lookup_hmac               VARCHAR(64)  UNIQUE,
    secret_hash               VARCHAR(255),
    usable_from               TIMESTAMPTZ,
    expires_at                TIMESTAMPTZ,
    failed_attempts           INT          NOT NULL DEFAULT 0,
    locked_at                 TIMESTAMPTZ,
    used_at                   TIMESTAMPTZ,
    used_by                   VARCHAR(255),
    used_in_space             UUID,
    voided_at                 TIMESTAMPTZ,
    void_reason               VARCHAR(20),
    -- a code is found by its keyed hash, except an agent security code, which is checked against its Argon2id hash
    CHECK ((kind = 'AGENT_SECURITY') = (secret_hash IS NOT NULL AND lookup_hmac IS NULL)),
    CHECK ((kind = 'AGENT_SECURITY') = (domain IS NULL))
);
CREATE INDEX issued_code_by_letter ON issued_code (letter_id);
CREATE INDEX issued_code_by_request ON issued_code (request_id);

-- A space certified for an employer and a domain, as holder or agent. At most one active per employer, domain and
-- capacity: a new one ends the previous (REPLACED).
CREATE TABLE mandate (
    id                        UUID         PRIMARY KEY,
    space_id                  UUID         NOT NULL,
    employer                  VARCHAR(13)  NOT NULL,
    employer_name             VARCHAR(200) NOT NULL,
    domain                    VARCHAR(20)  NOT NULL,
    capacity                  VARCHAR(10)  NOT NULL CHECK (capacity IN ('HOLDER', 'AGENT')),
    request_id                UUID         NOT NULL REFERENCES code_request (request_id),
    code_id                   UUID         NOT NULL REFERENCES issued_code (id),
    agent_registration_number VARCHAR(13),
    agent_name                VARCHAR(200),
    granted_at                TIMESTAMPTZ  NOT NULL,
    granted_by                VARCHAR(255) NOT NULL,
    ended_at                  TIMESTAMPTZ,
    end_reason                VARCHAR(20) CHECK (end_reason IN ('WITHDRAWN', 'REVOKED_BY_CODE', 'REPLACED')),
    ended_by                  VARCHAR(255),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX mandate_one_active ON mandate (employer, domain, capacity) WHERE ended_at IS NULL;
CREATE INDEX mandate_by_space ON mandate (space_id) WHERE ended_at IS NULL;

-- Failed code attempts per person and space, for the rate limit (shared by every instance); pruned after a day.
CREATE TABLE redemption_failure (
    id        BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   VARCHAR(255) NOT NULL,
    space_id  UUID,
    failed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX redemption_failure_by_user ON redemption_failure (user_id, failed_at);
CREATE INDEX redemption_failure_by_space ON redemption_failure (space_id, failed_at);

-- The audit trail: append-only. The service only inserts; the database refuses any change or removal.
CREATE TABLE audit_entry (
    seq              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor            VARCHAR(255) NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    outcome          VARCHAR(20)  NOT NULL,
    employer         VARCHAR(13),
    request_id       UUID,
    space_id         UUID,
    mandate_id UUID,
    code_id          UUID,
    domain           VARCHAR(20),
    capacity         VARCHAR(10),
    detail           VARCHAR(500)
);
CREATE INDEX audit_entry_by_employer ON audit_entry (employer, seq);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
