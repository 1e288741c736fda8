-- Letters (code letters and documents sent by post), their print batches and status history, and the two
-- projections the documents channel needs. Never edited once landed.

CREATE TABLE print_batch (
    id           UUID         PRIMARY KEY,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    letter_count INT          NOT NULL
);

CREATE TABLE letter (
    id                        UUID         PRIMARY KEY,
    kind                      VARCHAR(20)  NOT NULL CHECK (kind IN ('CODES_EMPLOYER', 'CODES_AGENT', 'DOCUMENT')),
    status                    VARCHAR(20)  NOT NULL
        CHECK (status IN ('GENERATED', 'BATCHED', 'POSTED', 'RETURNED', 'VOIDED')),
    language                  VARCHAR(2)   NOT NULL CHECK (language IN ('fr', 'de', 'en')),
    reference                 VARCHAR(64)  NOT NULL,
    employer                  VARCHAR(13)  NOT NULL,
    request_id                UUID,
    issuance_id               UUID,
    -- One letter per CodeLetter of CodesIssued, whichever event delivered it.
    code_letter_id            UUID UNIQUE,
    document_id               UUID UNIQUE,
    recipient_name            VARCHAR(255) NOT NULL,
    agent_registration_number VARCHAR(13),
    street                    VARCHAR(255) NOT NULL,
    house_number              VARCHAR(32)  NOT NULL,
    postcode                  VARCHAR(16)  NOT NULL,
    locality                  VARCHAR(255) NOT NULL,
    country                   VARCHAR(2)   NOT NULL,
    pages                     INT          NOT NULL CHECK (pages > 0),
    content_sha256            VARCHAR(64)  NOT NULL,
    -- AES-256-GCM (IV prepended, letter id as associated data); NULL once the letter is posted or void.
    pdf_encrypted             BYTEA,
    batch_id                  UUID REFERENCES print_batch (id),
    created_at                TIMESTAMPTZ  NOT NULL,
    CHECK (kind = 'DOCUMENT' OR (request_id IS NOT NULL AND code_letter_id IS NOT NULL)),
    CHECK (status IN ('GENERATED', 'BATCHED') OR pdf_encrypted IS NULL)
);
CREATE INDEX letter_by_request ON letter (request_id);
CREATE INDEX letter_by_batch ON letter (batch_id);
CREATE INDEX letter_waiting_for_print ON letter (created_at) WHERE status = 'GENERATED';

CREATE TABLE letter_status_change (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    letter_id  UUID         NOT NULL REFERENCES letter (id),
    status     VARCHAR(20)  NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    note       VARCHAR(500)
);
CREATE INDEX letter_status_change_by_letter ON letter_status_change (letter_id, id);

-- Where eDelivery is on (projection of EDeliveryActivated): documents of that space, employer and domain go to the
-- inbox instead of the post.
CREATE TABLE edelivery_activation (
    space_id     UUID        NOT NULL,
    employer     VARCHAR(13) NOT NULL,
    domain       VARCHAR(20) NOT NULL,
    activated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (space_id, employer, domain)
);

-- The employer's name, postal address and language as last printed on its code letter (from CodesIssued): where a
-- document goes by post when the sender gives no address.
CREATE TABLE employer_contact (
    employer     VARCHAR(13)  PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    street       VARCHAR(255) NOT NULL,
    house_number VARCHAR(32)  NOT NULL,
    postcode     VARCHAR(16)  NOT NULL,
    locality     VARCHAR(255) NOT NULL,
    country      VARCHAR(2)   NOT NULL,
    language     VARCHAR(2)   NOT NULL,
    known_at     TIMESTAMPTZ  NOT NULL
);

-- Every document a domain system sent, and which way it went; the content itself is not kept here.
CREATE TABLE document_dispatch (
    document_id UUID         PRIMARY KEY,
    space_id    UUID         NOT NULL,
    employer    VARCHAR(13)  NOT NULL,
    domain      VARCHAR(20)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    channel     VARCHAR(10)  NOT NULL CHECK (channel IN ('EDELIVERY', 'POST')),
    letter_id   UUID REFERENCES letter (id),
    received_at TIMESTAMPTZ  NOT NULL,
    sent_by     VARCHAR(255) NOT NULL,
    CHECK ((channel = 'POST') = (letter_id IS NOT NULL))
);
