package lu.ccss.guichet.deadletters;

import lu.ccss.guichet.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads a dead-letter topic up to its end and publishes each record again to the topic it came from (header
 * {@code dead-letter-topic}), with its key, value and CloudEvents headers, without the {@code dead-letter-*} ones.
 * Every consumer of that topic receives it again and the ones that had applied it skip it by its {@code ce_id}, so
 * it takes effect once, where it had failed.
 *
 * <p>Never published again, only reported: a record whose {@code ce_source} is not its topic's owner (a forgery the
 * consumer refused), one without an origin topic, and one the consumer found malformed ({@code InvalidEventException}):
 * replaying those cannot succeed. The records published and the progress on the dead-letter topic (consumer group
 * {@value #GROUP}) commit in one Kafka transaction, so a run that fails publishes nothing and the next starts over.
 */
final class DeadLetters {

    static final String GROUP = "dead-letter-replay";
    private static final String MALFORMED = "lu.ccss.guichet.platform.inbound.InvalidEventException";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    record Outcome(int replayed, List<String> refused) {
    }

    private final Properties consumer = new Properties();
    private final Properties producer = new Properties();

    /** {@code extra} holds the client settings of the target cluster (TLS, SASL, ...), applied last. */
    DeadLetters(String bootstrapServers, Map<String, String> extra) {
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.putAll(extra);
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP + "-" + UUID.randomUUID());
        producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(10 * 1024 * 1024));
        producer.putAll(extra);
    }

    Outcome replay(String deadLetterTopic, boolean dryRun) {
        try (KafkaConsumer<byte[], byte[]> in = new KafkaConsumer<>(consumer)) {
            List<TopicPartition> partitions = in.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            in.assign(partitions);
            Map<TopicPartition, Long> end = in.endOffsets(partitions);
            List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> in.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + deadLetterTopic + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : in.poll(POLL)) {
                    progress.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    whyNot(record).ifPresentOrElse(why -> refused.add(describe(record) + ": " + why),
                            () -> again.add(republished(record)));
                }
            }
            if (!dryRun && !progress.isEmpty()) {
                publish(again, progress, in);
            }
            return new Outcome(again.size(), refused);
        }
    }

    private void publish(List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, OffsetAndMetadata> progress,
                         KafkaConsumer<byte[], byte[]> in) {
        try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(producer)) {
            out.initTransactions();
            out.beginTransaction();
            try {
                records.forEach(out::send);
                out.sendOffsetsToTransaction(progress, in.groupMetadata());
                out.commitTransaction();
            } catch (RuntimeException e) {
                out.abortTransaction();
                throw e;
            }
        }
    }

    /** Why a record must not be published again, if it must not. */
    static Optional<String> whyNot(ConsumerRecord<byte[], byte[]> record) {
        String origin = header(record, "dead-letter-topic");
        if (origin == null) {
            return Optional.of("no dead-letter-topic header: not a dead-lettered record");
        }
        Optional<String> owner = Topics.ownerSource(origin);
        if (owner.isEmpty()) {
            return Optional.of("came from " + origin + ", which is not an event topic of the platform");
        }
        if (!owner.get().equals(header(record, "ce_source"))) {
            return Optional.of("ce_source " + header(record, "ce_source") + " is not the owner of " + origin
                    + " (refused as a forgery)");
        }
        if (MALFORMED.equals(header(record, "dead-letter-exception-class-name"))) {
            return Optional.of("refused as malformed: " + header(record, "dead-letter-reason"));
        }
        return Optional.empty();
    }

    private static ProducerRecord<byte[], byte[]> republished(ConsumerRecord<byte[], byte[]> record) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(header(record, "dead-letter-topic"),
                record.key(), record.value());
        for (Header h : record.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                again.headers().add(h);
            }
        }
        return again;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        return "offset " + record.partition() + "/" + record.offset() + " ce_id " + header(record, "ce_id")
                + " ce_type " + header(record, "ce_type");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
