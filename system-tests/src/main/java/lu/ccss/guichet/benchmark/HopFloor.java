package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Latencies;
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
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

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
        try (KafkaPing ping = new KafkaPing(bootstrap, "hop-floor", GIVE_UP_AFTER)) {
            int warmUp = samples / 5;
            double[] latencies = new double[samples];
            for (int i = -warmUp; i < samples; i++) {
                double latency = ping.roundTrip();
                if (i >= 0) {
                    latencies[i] = latency;
                }
            }
            return latencies;
        }
    }

    /**
     * The same Kafka round trip measured while a round runs: one record every {@link #PROBE_INTERVAL} from a thread
     * of the benchmark's JVM, so that each round's hops can be read next to what the broker and the machine's two
     * cores gave a bare producer and consumer at that moment, not only at rest.
     */
    static final class DuringRounds implements AutoCloseable {

        static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
        /** The probe's thread, and its producer's network thread ({@code kafka-producer-network-thread | …}). */
        static final String THREAD_NAME = "hop-floor-probe";

        private final KafkaPing ping;
        private final Latencies samples = new Latencies();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile RuntimeException failure;

        DuringRounds(String bootstrap) throws Exception {
            this(bootstrap, GIVE_UP_AFTER);
        }

        /** @param giveUpAfter how long a record may take to come back before the probe stops and says so */
        DuringRounds(String bootstrap, Duration giveUpAfter) throws Exception {
            ping = new KafkaPing(bootstrap, THREAD_NAME, giveUpAfter);
            thread = new Thread(this::probe, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }

        private void probe() {
            try {
                while (running) {
                    samples.recordNanos(TOPIC, Math.round(ping.roundTrip() * 1e6));
                    Thread.sleep(PROBE_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** Forgets what was measured so far: a round starts. */
        void clear() {
            samples.clear();
        }

        /** What was measured since the last {@link #clear()}; a probe that failed says why instead. */
        Kafka sinceCleared() {
            Latencies.Summary measured = samples.summaries().get(TOPIC);
            int count = measured == null ? 0 : measured.count();
            if (failure != null || measured == null) {
                return new Kafka(Double.NaN, Double.NaN, count,
                        failure == null ? "no sample" : "the probe failed: " + failure);
            }
            return new Kafka(measured.p50(), measured.p99(), count, null);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(Duration.ofSeconds(15).toMillis());
            ping.close();
        }
    }

    /** Kafka produce → consume percentiles in milliseconds, how many records they are of, or why there are none. */
    record Kafka(double p50, double p99, int samples, String failure) {
    }

    /** A producer with the relay's settings and a consumer of the floor topic's one partition. */
    private static final class KafkaPing implements AutoCloseable {

        private final KafkaProducer<Long, Long> producer;
        private final KafkaConsumer<Long, Long> consumer;
        private final Duration giveUpAfter;

        KafkaPing(String bootstrap, String clientId, Duration giveUpAfter) throws Exception {
            this.giveUpAfter = giveUpAfter;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.CLIENT_ID_CONFIG, clientId),
                    new LongSerializer(), new LongSerializer());
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                    new LongDeserializer(), new LongDeserializer());
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
        }

        /** Sends one record (its value is the send time) and waits until it is consumed; milliseconds. */
        double roundTrip() {
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(TOPIC, 0L, sent));
            long deadline = sent + giveUpAfter.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() == sent) {
                        return (System.nanoTime() - sent) / 1e6;
                    }
                }
            }
            throw new IllegalStateException("The hop-floor record did not come back within " + giveUpAfter);
        }

        /** Without waiting for a record the broker never acknowledged (a producer's close would, for minutes). */
        @Override
        public void close() {
            producer.close(Duration.ZERO);
            consumer.close();
        }
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
