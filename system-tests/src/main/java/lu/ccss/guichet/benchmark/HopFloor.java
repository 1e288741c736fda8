package lu.ccss.guichet.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The floor under an event hop, measured in the same run on the same broker and database server: one record from a
 * producer with the relay's settings ({@code acks=all}, idempotent) to a consumer with the services' settings, and
 * one commit of a one-row insert. A hop does at least one of each and one more commit (the event's writing
 * transaction, the relay's mark, the consumer's effect: the relay's mark is off the path), so its floor is the Kafka
 * latency plus two commits.
 */
final class HopFloor {

    static final String TOPIC = "benchmark.hop-floor";

    private HopFloor() {
    }

    /** Percentiles in milliseconds. */
    record Floor(double kafkaP50, double kafkaP99, double commitP50, double commitP99) {
        double hopP50() {
            return kafkaP50 + 2 * commitP50;
        }

        double hopP99() {
            return kafkaP99 + 2 * commitP99;
        }
    }

    static Floor measure(String bootstrap, String scratchUrl, int samples) throws Exception {
        double[] kafka = kafkaRoundTrips(bootstrap, samples);
        double[] commits = commits(scratchUrl, samples);
        return new Floor(percentile(kafka, 50), percentile(kafka, 99), percentile(commits, 50),
                percentile(commits, 99));
    }

    /** Produce → consume, one record at a time, in milliseconds (the value is the send time). */
    private static double[] kafkaRoundTrips(String bootstrap, int samples) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                new LongSerializer(), new LongSerializer());
             KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                     new LongDeserializer(), new LongDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            int warmUp = samples / 5;
            double[] latencies = new double[samples];
            for (int i = -warmUp; i < samples; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, 0L, sent));
                double latency = awaitRecord(consumer, sent);
                if (i >= 0) {
                    latencies[i] = latency;
                }
            }
            return latencies;
        }
    }

    private static double awaitRecord(KafkaConsumer<Long, Long> consumer, long sent) {
        long deadline = sent + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value() == sent) {
                    return (System.nanoTime() - sent) / 1e6;
                }
            }
        }
        throw new IllegalStateException("The hop-floor record did not come back within 10 s");
    }

    /** One-row insert + commit on one connection, in milliseconds (the scratch database of {@link Ceilings}). */
    private static double[] commits(String scratchUrl, int samples) throws Exception {
        double[] latencies = new double[samples];
        try (Connection c = DriverManager.getConnection(scratchUrl, "postgres", "");
             PreparedStatement insert = c.prepareStatement(
                     "insert into commit_loop (client, payload) values (0, 'floor')")) {
            c.setAutoCommit(false);
            for (int i = -samples / 5; i < samples; i++) {
                long start = System.nanoTime();
                insert.executeUpdate();
                c.commit();
                if (i >= 0) {
                    latencies[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return latencies;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
