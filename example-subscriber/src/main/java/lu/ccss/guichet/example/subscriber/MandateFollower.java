package lu.ccss.guichet.example.subscriber;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import lu.ccss.guichet.events.EventType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CertificationGranted;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;
import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows {@code CertificationGranted} and {@code MandateRevoked} from {@link Topics#MANDATE} into {@link MandateTable}.
 *
 * <ul>
 * <li><b>Only the owner's records.</b> A record whose {@code ce_source} is not the topic's owner
 * ({@link Topics#ownerSource}) is a forgery: dead-lettered, never applied. Types it does not follow (CodesIssued,
 * CodeLocked, a future version) are skipped.</li>
 * <li><b>Idempotent.</b> Each event is applied in one database transaction whose first act records its
 * {@code ce_id}; a redelivered event finds it and changes nothing.</li>
 * <li><b>Per-key order.</b> One thread, records of a partition in offset order. If applying a record fails, the
 * partition is rewound to it and nothing after it in that partition is applied before it; offsets are committed
 * only after the database commit, and only up to what was applied. A database failure is retried with a growing
 * pause, as long as it lasts; a record that cannot be applied for any other reason (unreadable payload, a rule of
 * yours) goes to the subscriber's own dead-letter topic after {@link #MAX_ATTEMPTS} attempts, so that one bad
 * record does not stop the follower for ever.</li>
 * </ul>
 */
public class MandateFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MandateFollower.class.getName());

    /** Attempts of one record before it is dead-lettered. */
    public static final int MAX_ATTEMPTS = 3;

    /** Opens a JDBC connection to the subscriber's database. */
    @FunctionalInterface
    public interface Database {
        Connection connect() throws SQLException;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // additive changes within a version

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final String deadLetterTopic;
    private final Database database;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param bootstrapServers the platform's brokers
     * @param groupId          your consumer group: one per subscribing application, the same on each of its instances
     * @param deadLetterTopic  your own dead-letter topic
     * @param database         your database, where {@link MandateTable#create} made the tables
     */
    public MandateFollower(String bootstrapServers, String groupId, String deadLetterTopic, Database database) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");        // offsets after the database commit only
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");       // a new subscriber reads what is retained
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(c);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.deadLetters = new KafkaProducer<>(p);
        this.deadLetterTopic = deadLetterTopic;
        this.database = database;
        consumer.subscribe(List.of(Topics.MANDATE));
    }

    /** Polls and applies until {@link #close()} is called from another thread; then closes the clients. */
    public void run() {
        try {
            while (running) {
                pollOnce(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** One poll: applies what it got, partition by partition, then commits the offsets of what was applied. */
    public void pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!handle(record)) {
                    consumer.seek(partition, record.offset()); // again next poll, and nothing after it before it
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            commitOffsets(done);
        }
    }

    /** Commits the next offsets to read; only after the database transactions of the records before them. */
    protected void commitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
    }

    /** True if the record is dealt with (applied, skipped or dead-lettered); false to try it again. */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String source = header(record, "ce_source");
        if (!Objects.equals(source, Topics.ownerSource(record.topic()).orElse(null))) {
            return deadLetter(record, "ce_source " + source + " is not the owner of " + record.topic());
        }
        EventType<?> eventType = EventTypes.byType(type).orElse(null);
        if (eventType != EventTypes.CERTIFICATION_GRANTED && eventType != EventTypes.MANDATE_REVOKED) {
            return true; // another type of the topic, or a version this code does not know: not ours
        }
        String key = attemptKey(record);
        try {
            apply(record, eventType);
            attempts.remove(key);
            return true;
        } catch (Exception e) {
            int attempt = attempts.merge(key, 1, Integer::sum);
            if (transientFailure(e)) {
                // the database, not the record: wait and try the same record again, never dead-letter it for that
                LOG.log(Level.WARNING, "Event " + header(record, "ce_id") + " (" + type + ") not applied, "
                        + "database unavailable; attempt " + attempt + ": " + e);
                backOff(attempt);
                return false;
            }
            LOG.log(Level.WARNING, "Event " + header(record, "ce_id") + " (" + type + ") not applied, attempt "
                    + attempt + " of " + MAX_ATTEMPTS + ": " + e);
            if (attempt >= MAX_ATTEMPTS) {
                attempts.remove(key);
                return deadLetter(record, String.valueOf(e));
            }
            return false;
        }
    }

    /** A failure of the database (an {@link SQLException} anywhere in the causes) rather than of the record. */
    private static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(100L << Math.min(attempt, 6), 5_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record, EventType<?> type) throws Exception {
        UUID eventId = UUID.fromString(Objects.requireNonNull(header(record, "ce_id"), "no ce_id"));
        Object payload = JSON.readValue(record.value(), type.payloadClass());
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                beforeApply(record);
                if (!MandateTable.firstDelivery(c, eventId, type.type(), record.key())) {
                    c.rollback();
                    duplicates.incrementAndGet();
                    return;
                }
                if (payload instanceof CertificationGranted granted) {
                    MandateTable.grant(c, granted);
                } else if (payload instanceof MandateRevoked revoked) {
                    MandateTable.revoke(c, revoked);
                }
                c.commit();
                applied.incrementAndGet();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A seam for tests (a database that fails); does nothing. */
    protected void beforeApply(ConsumerRecord<String, byte[]> record) throws Exception {
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
        for (Header h : record.headers()) {
            copy.headers().add(h);
        }
        copy.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        copy.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        copy.headers().add("dead-letter-offset",
                (record.partition() + ":" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(copy).get(30, TimeUnit.SECONDS);
            deadLettered.incrementAndGet();
            LOG.warning("Event " + header(record, "ce_id") + " dead-lettered: " + reason);
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Dead-letter topic unreachable; the record will be tried again", e);
            return false;
        }
    }

    private static String attemptKey(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Asks {@link #run()} to stop; it closes the clients as it returns. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
