-- Idempotent requests (platform.idempotency): the first successful answer to a request that carried an
-- Idempotency-Key, given again to a retry with the same key and body. Written in the transaction of what the request
-- created; rows older than guichet.idempotency.retention are ignored and deleted.
-- The request is kept only as a keyed hash (HMAC-SHA-256 under IDEMPOTENCY_HMAC_KEY's key key_id): bodies can carry
-- codes. Stored answers never do.

CREATE TABLE idempotency_key (
    caller          VARCHAR(255) NOT NULL,
    operation       VARCHAR(300) NOT NULL,
    client_key      VARCHAR(255) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    key_id          VARCHAR(32)  NOT NULL,
    status          SMALLINT     NOT NULL,
    location        TEXT,
    media_type      VARCHAR(100),
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, operation, client_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
