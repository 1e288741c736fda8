CREATE TABLE space (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
ALTER TABLE space_member ADD CONSTRAINT space_member_space FOREIGN KEY (space_id) REFERENCES space (id);
