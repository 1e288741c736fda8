package lu.ccss.guichet.edelivery;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.PostgresTestResource;
import lu.ccss.guichet.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Space events published on the real broker, in the space-service's format, reach this service's projection. */
@QuarkusTest
class MembershipProjectionTest {

    @Test
    void projectsMembersAddedChangedAndRemovedAndIgnoresRedelivery() throws Exception {
        UUID space = UUID.randomUUID();
        String addedId = UUID.randomUUID().toString();
        publish(space, addedId, EventTypes.MEMBER_ADDED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"alice\",\"role\":\"ADMINISTRATOR\",\"displayName\":\"Alice\","
                + "\"addedAt\":\"2026-11-27T10:00:00Z\"}");
        publish(space, UUID.randomUUID().toString(), EventTypes.MEMBER_ADDED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"bob\",\"role\":\"ADMINISTRATOR\",\"addedAt\":\"2026-11-27T10:01:00Z\"}");
        awaitRole(space, "bob", "ADMINISTRATOR");

        publish(space, UUID.randomUUID().toString(), EventTypes.MEMBER_ROLE_CHANGED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"bob\",\"role\":\"MEMBER\",\"changedAt\":\"2026-11-27T10:02:00Z\"}");
        awaitRole(space, "bob", "MEMBER");

        publish(space, UUID.randomUUID().toString(), EventTypes.MEMBER_REMOVED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"alice\",\"removedBy\":\"bob\",\"removedAt\":\"2026-11-27T10:03:00Z\"}");
        awaitRole(space, "alice", null);

        // The same MemberAdded delivered again (same ce_id) has no effect: alice stays removed.
        publish(space, addedId, EventTypes.MEMBER_ADDED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"alice\",\"role\":\"ADMINISTRATOR\",\"addedAt\":\"2026-11-27T10:00:00Z\"}");
        String marker = UUID.randomUUID().toString();
        publish(space, marker, EventTypes.MEMBER_ADDED.type(), "{\"spaceId\":\"" + space
                + "\",\"userId\":\"carol\",\"role\":\"MEMBER\",\"addedAt\":\"2026-11-27T10:04:00Z\"}");
        awaitRole(space, "carol", "MEMBER");
        assertEquals(null, role(space, "alice"));
    }

    private static void publish(UUID space, String eventId, String type, String json) {
        TopicWriter.publish(Topics.SPACE, space.toString(), eventId, type, json);
    }

    private static void awaitRole(UUID space, String user, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String actual = role(space, user);
        while (!java.util.Objects.equals(expected, actual) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            actual = role(space, user);
        }
        assertEquals(expected, actual, "role of " + user + " in the projection");
    }

    private static String role(UUID space, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
             PreparedStatement ps = c.prepareStatement(
                     "select role from space_member where space_id = ? and user_id = ?")) {
            ps.setObject(1, space);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
