-- Each saved security code costs an Argon2id computation: at most guichet.certification.max-security-codes-per-hour
-- per person. One row per computation, pruned after a day by the draft expiry job.
CREATE TABLE security_code_hashing (
    id       BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id  VARCHAR(255) NOT NULL,
    saved_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX security_code_hashing_by_user ON security_code_hashing (user_id, saved_at);
