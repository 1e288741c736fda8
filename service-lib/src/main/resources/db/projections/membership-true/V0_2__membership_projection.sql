-- A service's projection of the space-service's members (service-lib MembershipProjection), for the services that
-- switch it on with guichet.projections.membership=true. The space-service creates the same table as its own data.
CREATE TABLE space_member (
    space_id     UUID         NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    role         VARCHAR(20)  NOT NULL CHECK (role IN ('ADMINISTRATOR', 'MEMBER')),
    display_name VARCHAR(200),
    since        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (space_id, user_id)
);
CREATE INDEX space_member_by_user ON space_member (user_id);
