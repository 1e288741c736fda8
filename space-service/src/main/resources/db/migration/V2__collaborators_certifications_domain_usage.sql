-- Procedure D (invitations), the identities needed to refuse agents as collaborators, and the domain uses that
-- switch eDelivery on. (The projection of the certifications is service-lib's db/certifications.)

-- The invitee's national number is personal data and never stored: a keyed hash (HMAC-SHA-256, key outside the
-- database) recognises the invitee on acceptance; the last three digits let administrators tell invitees apart.
CREATE TABLE invitation (
    id                      UUID         PRIMARY KEY,
    space_id                UUID         NOT NULL REFERENCES space (id),
    name                    VARCHAR(200) NOT NULL,
    email                   VARCHAR(254) NOT NULL,
    national_id_hash        VARCHAR(64)  NOT NULL,
    national_id_last_digits VARCHAR(3)   NOT NULL,
    role                    VARCHAR(20)  NOT NULL CHECK (role IN ('ADMINISTRATOR', 'MEMBER')),
    status                  VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'WITHDRAWN', 'EXPIRED')),
    invited_by              VARCHAR(255) NOT NULL,
    invited_at              TIMESTAMPTZ  NOT NULL,
    expires_at              TIMESTAMPTZ  NOT NULL,
    closed_by               VARCHAR(255),
    closed_at               TIMESTAMPTZ
);
-- One open invitation per space and person.
CREATE UNIQUE INDEX invitation_one_pending ON invitation (space_id, national_id_hash) WHERE status = 'PENDING';
CREATE INDEX invitation_by_space ON invitation (space_id, invited_at DESC);
CREATE INDEX invitation_pending_by_invitee ON invitation (national_id_hash) WHERE status = 'PENDING';

-- Keyed hash of the national number of users who belong to a space (from the nationalId claim of their token).
CREATE TABLE person_identity (
    user_id          VARCHAR(255) PRIMARY KEY,
    national_id_hash VARCHAR(64)  NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX person_identity_by_hash ON person_identity (national_id_hash);

-- The uses of a domain by a space for an employer. The primary key makes the first use a single row, whatever the
-- concurrency: DomainFirstUsed is published by the one transaction whose insert created it.
CREATE TABLE domain_usage (
    space_id         UUID        NOT NULL REFERENCES space (id),
    employer         VARCHAR(13) NOT NULL,
    domain           VARCHAR(20) NOT NULL,
    first_usage_kind VARCHAR(20) NOT NULL,
    first_used_at    TIMESTAMPTZ NOT NULL,
    last_usage_kind  VARCHAR(20) NOT NULL,
    last_used_at     TIMESTAMPTZ NOT NULL,
    use_count        BIGINT      NOT NULL,
    PRIMARY KEY (space_id, employer, domain)
);
