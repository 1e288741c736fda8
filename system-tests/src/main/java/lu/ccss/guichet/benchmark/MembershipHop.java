package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.platform.membership.MembershipProjectionConsumer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
    static void record(PlatformData data, List<UUID> spaces, Latencies hops) {
        Map<String, Instant> occurred = new HashMap<>();
        for (Map<String, Object> row : data.rows("space", "select event_id::text as event_id, occurred_at "
                        + "from outbox_event where event_type = ? and aggregate_id = any(?)",
                EventTypes.MEMBER_ADDED.type(), spaces.stream().map(UUID::toString).toArray(String[]::new))) {
            occurred.put((String) row.get("event_id"), instant(row.get("occurred_at")));
        }
        for (Map<String, Object> row : data.rows("certification", "select event_id, processed_at "
                        + "from processed_event where consumer = ? and event_id = any(?)",
                MembershipProjectionConsumer.CHANNEL, occurred.keySet().toArray(String[]::new))) {
            hops.record(NAME, Duration.between(occurred.get((String) row.get("event_id")),
                    instant(row.get("processed_at"))));
        }
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }
}
