package lu.ccss.guichet.platform.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.SpaceEvents.MemberAdded;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.platform.membership.MembershipProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The records of one poll handled in one call ({@link ProcessedEvents#handleEachOnce}, the membership projection's
 * channel): each on its own, as one record per call would be. The poll is built here from real records so that the
 * three are certainly in one batch; the acknowledgements and dead-lettering are SmallRye's handlers, observed.
 */
@QuarkusTest
class BatchOfRecordsTest {

    private static final String CONSUMER = "batch-test";

    @Inject
    ProcessedEvents processedEvents;
    @Inject
    MembershipProjection projection;
    @Inject
    ObjectMapper json;

    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();

    @Test
    void aRecordThatCannotBeAppliedIsDeadLetteredAloneAndTheRestOfItsPollIsApplied() throws Exception {
        UUID space = UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String unreadable = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();
        ConsumerRecords<String, String> poll = new ConsumerRecords<>(Map.of(new TopicPartition(Topics.SPACE, 0),
                List.of(record(0, first, memberAdded(space, "first")),
                        record(1, unreadable, "{\"spaceId\": \"not a uuid\"}"),
                        record(2, last, memberAdded(space, "last")))));

        processedEvents.handleEachOnce(CONSUMER, new IncomingKafkaRecordBatch<>(poll, "membership-projection", 0,
                commits(), failures(), false, false), projection.handlers());

        assertEquals(List.of(unreadable), deadLettered, "only the unreadable record goes to the dead-letter topic");
        assertEquals(List.of(first, last), acknowledged, "the others are acknowledged, in their order");
        assertEquals(2, count("select count(*) from space_member where space_id = '" + space + "'"),
                "the records before and after the unreadable one are applied");
    }

    private ConsumerRecord<String, String> record(long offset, String eventId, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", EventTypes.MEMBER_ADDED.type().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/guichet/space-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(Topics.SPACE, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, "key", data, headers, Optional.empty());
    }

    private String memberAdded(UUID space, String user) throws Exception {
        return json.writeValueAsString(new MemberAdded(space, user, MemberRole.ADMINISTRATOR, user, Instant.now()));
    }

    private KafkaCommitHandler commits() {
        return new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(eventId(record));
                return Uni.createFrom().voidItem();
            }
        };
    }

    private KafkaFailureHandler failures() {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.add(eventId(record));
                return Uni.createFrom().voidItem();
            }
        };
    }

    private static String eventId(IncomingKafkaRecord<?, ?> record) {
        return new String(record.getHeaders().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
