CREATE TABLE space (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

-- The space-service's own data: who belongs to which space, in which role. The other services keep a projection of
-- it with the same shape (service-lib MembershipProjection, db/projections/membership-true).
CREATE TABLE space_member (
    space_id     UUID         NOT NULL REFERENCES space (id),
    user_id      VARCHAR(255) NOT NULL,
    role         VARCHAR(20)  NOT NULL CHECK (role IN ('ADMINISTRATOR', 'MEMBER')),
    display_name VARCHAR(200),
    since        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (space_id, user_id)
);
CREATE INDEX space_member_by_user ON space_member (user_id);
