CREATE TABLE test_note (
    id        UUID PRIMARY KEY,
    aggregate VARCHAR(64) NOT NULL,
    text      VARCHAR(200) NOT NULL
);
CREATE TABLE test_effect (
    event_id  VARCHAR(200) NOT NULL,
    text      VARCHAR(200) NOT NULL
);
