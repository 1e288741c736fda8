-- Procedure B: certification requests, their agents, their document and timeline, and the projection of the
-- agent mandates (from the mandate-service's events). Never edited once landed.

CREATE SEQUENCE certification_reference_seq;

CREATE TABLE certification_request (
    id                           UUID         PRIMARY KEY,
    reference                    VARCHAR(32)  NOT NULL UNIQUE,
    space_id                     UUID         NOT NULL,
    state                        VARCHAR(20)  NOT NULL
        CHECK (state IN ('DRAFT', 'CONFIRMED', 'SIGNED', 'TRANSMITTED', 'CANCELLED', 'EXPIRED')),
    opened_by                    VARCHAR(255) NOT NULL,
    created_at                   TIMESTAMPTZ  NOT NULL,
    updated_at                   TIMESTAMPTZ  NOT NULL,
    information_acknowledged_at  TIMESTAMPTZ,
    warning_acknowledged_at      TIMESTAMPTZ,
    filer_last_name              VARCHAR(100),
    filer_first_name             VARCHAR(100),
    filer_email                  VARCHAR(254),
    filer_phone                  VARCHAR(16),
    employer                     VARCHAR(13),
    employer_legal_name          VARCHAR(200),
    employer_street              VARCHAR(100),
    employer_house_number        VARCHAR(16),
    employer_postcode            VARCHAR(16),
    employer_locality            VARCHAR(100),
    employer_country             VARCHAR(2),
    employer_language            VARCHAR(2) CHECK (employer_language IN ('fr', 'de', 'en')),
    agents_saved_at              TIMESTAMPTZ,
    one_agent_for_all_domains    BOOLEAN,
    -- Only ever an Argon2id PHC string: a plaintext code cannot be stored here by mistake.
    security_code_hash           VARCHAR(200) CHECK (security_code_hash LIKE '$argon2id$%'),
    security_code_saved_at       TIMESTAMPTZ,
    confirmed_at                 TIMESTAMPTZ,
    signed_at                    TIMESTAMPTZ,
    transmitted_at               TIMESTAMPTZ,
    closed_at                    TIMESTAMPTZ
);
-- One open request per space and employer, whatever the races between two filers.
CREATE UNIQUE INDEX certification_request_one_open_per_employer
    ON certification_request (space_id, employer)
    WHERE state IN ('DRAFT', 'CONFIRMED', 'SIGNED');
CREATE INDEX certification_request_by_space ON certification_request (space_id, created_at);
CREATE INDEX certification_request_by_state ON certification_request (state, created_at);
CREATE INDEX certification_request_open_by_update ON certification_request (updated_at)
    WHERE state IN ('DRAFT', 'CONFIRMED', 'SIGNED');

CREATE TABLE certification_agent (
    id                  UUID         PRIMARY KEY,
    request_id          UUID         NOT NULL REFERENCES certification_request (id),
    position            INT          NOT NULL,
    registration_number VARCHAR(13)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    street              VARCHAR(100) NOT NULL,
    house_number        VARCHAR(16)  NOT NULL,
    postcode            VARCHAR(16)  NOT NULL,
    locality            VARCHAR(100) NOT NULL,
    country             VARCHAR(2)   NOT NULL,
    email               VARCHAR(254) NOT NULL,
    domains             VARCHAR(100) NOT NULL
);
CREATE INDEX certification_agent_by_request ON certification_agent (request_id, position);

CREATE TABLE request_document (
    request_id         UUID         PRIMARY KEY REFERENCES certification_request (id),
    unsigned_pdf       BYTEA        NOT NULL,
    unsigned_sha256    VARCHAR(64)  NOT NULL,
    rendered_at        TIMESTAMPTZ  NOT NULL,
    signed_pdf         BYTEA,
    signed_sha256      VARCHAR(64),
    signature_provider VARCHAR(20),
    signer_certificate VARCHAR(500)
);

CREATE TABLE request_timeline (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES certification_request (id),
    kind        VARCHAR(30) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    domain      VARCHAR(20),
    capacity    VARCHAR(10),
    detail      VARCHAR(100),
    actor       VARCHAR(255)
);
CREATE INDEX request_timeline_by_request ON request_timeline (request_id, occurred_at, seq);

-- Transmitted data never changes: not the request, not its agents, not its document.
CREATE FUNCTION refuse_change_of_transmitted_request() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    request UUID;
BEGIN
    IF TG_TABLE_NAME = 'certification_request' THEN
        request := OLD.id;
    ELSIF TG_OP = 'INSERT' THEN
        request := NEW.request_id;
    ELSE
        request := OLD.request_id;
    END IF;
    IF EXISTS (SELECT 1 FROM certification_request WHERE id = request AND state = 'TRANSMITTED') THEN
        RAISE EXCEPTION 'certification request % was transmitted; its data never changes', request
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER certification_request_frozen_once_transmitted
    BEFORE UPDATE OR DELETE ON certification_request
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_transmitted_request();
CREATE TRIGGER certification_agent_frozen_once_transmitted
    BEFORE INSERT OR UPDATE OR DELETE ON certification_agent
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_transmitted_request();
CREATE TRIGGER request_document_frozen_once_transmitted
    BEFORE INSERT OR UPDATE OR DELETE ON request_document
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_transmitted_request();
