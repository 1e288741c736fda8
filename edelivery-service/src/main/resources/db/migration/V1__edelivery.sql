-- eDelivery: which (space, employer, domain) receive documents in the inbox, the inbox itself, and who read what.

-- Switched on by the first DomainFirstUsed of a (space, employer, domain); the key makes it happen once.
CREATE TABLE edelivery_activation (
    space_id         UUID        NOT NULL,
    employer         VARCHAR(13) NOT NULL,
    domain           VARCHAR(20) NOT NULL,
    first_usage_kind VARCHAR(20) NOT NULL,
    first_used_at    TIMESTAMPTZ NOT NULL,
    activated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (space_id, employer, domain)
);

-- The inbox: documents routed by the mailing-service (DocumentRouted).
CREATE TABLE inbox_document (
    id           UUID         PRIMARY KEY,
    space_id     UUID         NOT NULL,
    employer     VARCHAR(13)  NOT NULL,
    domain       VARCHAR(20)  NOT NULL,
    title        VARCHAR(255) NOT NULL,
    content_type VARCHAR(127) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    routed_at    TIMESTAMPTZ  NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inbox_document_newest ON inbox_document (space_id, routed_at DESC, id DESC);
CREATE INDEX inbox_document_newest_by_domain ON inbox_document (space_id, domain, routed_at DESC, id DESC);

-- The document bytes, encrypted at rest (AES-256-GCM, key outside the database, document id as associated data),
-- apart from the metadata so that listing the inbox never reads them.
CREATE TABLE inbox_document_content (
    document_id UUID  PRIMARY KEY REFERENCES inbox_document (id),
    encrypted   BYTEA NOT NULL
);

-- Who read (downloaded) which document, first time only.
CREATE TABLE document_reading (
    document_id UUID         NOT NULL REFERENCES inbox_document (id),
    user_id     VARCHAR(255) NOT NULL,
    read_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (document_id, user_id)
);
