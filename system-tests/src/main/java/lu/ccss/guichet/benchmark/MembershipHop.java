package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.membership.MembershipProjectionConsumer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The membership projection's hop by the services' own timestamps, which no API shows: a space's MemberAdded event
 * (its {@code occurred_at} in the space-service's outbox) → the certification-service's {@code processed_event} row
 * for it ({@code processed_at}, the start of the transaction that applied it). Read from the two databases after a
 * round, for the round's spaces, so that the reads cost the round nothing.
 */
final class MembershipHop {

    static final String NAME = "member added → known to certification-service (processed_event)";

    private MembershipHop() {
    }

    /** Records the hop of each of {@code spaces} whose event was applied; a space not yet known is left out. */
    static void record(int postgresPort, List<UUID> spaces, Latencies hops) throws SQLException {
        if (spaces.isEmpty()) {
            return;
        }
        Map<String, OffsetDateTime> occurred = new HashMap<>();
        try (Connection space = connect(postgresPort, "space");
             PreparedStatement q = space.prepareStatement("select event_id::text, occurred_at from outbox_event "
                     + "where event_type = ? and aggregate_id = any(?)")) {
            q.setString(1, EventTypes.MEMBER_ADDED.type());
            q.setArray(2, texts(space, spaces.stream().map(UUID::toString).toList()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    occurred.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
        try (Connection certification = connect(postgresPort, "certification");
             PreparedStatement q = certification.prepareStatement("select event_id, processed_at from "
                     + "processed_event where consumer = ? and event_id = any(?)")) {
            q.setString(1, MembershipProjectionConsumer.CHANNEL);
            q.setArray(2, texts(certification, List.copyOf(occurred.keySet())));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime from = occurred.get(rs.getString(1));
                    hops.record(NAME, Duration.between(from, rs.getObject(2, OffsetDateTime.class)));
                }
            }
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
    }

    private static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }
}
