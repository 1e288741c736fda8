package lu.ccss.guichet.client;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Looks for secrets in clear where the platform keeps or sends data: log files, every row of every table (as
 * PostgreSQL's text form of the row: hashes, sealed boxes and encrypted bytes cannot match a secret), and every
 * record (value and headers) of every topic. A finding names the place and never the secret.
 */
public final class SecretScan {

    private final Set<String> secrets;
    private final List<String> findings = new ArrayList<>();
    private int places;

    public SecretScan(Set<String> secrets) {
        this.secrets = Set.copyOf(secrets);
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    public int places() {
        return places;
    }

    public void text(String place, String text) {
        places++;
        int i = 0;
        for (String secret : secrets) {
            if (!secret.isEmpty() && text.contains(secret)) {
                findings.add(place + " holds secret #" + i);
            }
            i++;
        }
    }

    /** Every table of the database's public schema, row by row. */
    public void database(String host, int port, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                "postgres", ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('\n');
                    }
                }
                text("table " + database + "." + table, rows.toString());
            }
        }
    }

    /** Every record of every topic, from the beginning. */
    public void topics(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "secret-scan-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (!topic.startsWith("__")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end.entrySet()) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder record = new StringBuilder(r.value() == null ? "" : r.value());
                    for (Header h : r.headers()) {
                        record.append('\n').append(h.key()).append('=')
                                .append(new String(h.value(), StandardCharsets.UTF_8));
                    }
                    text("topic " + r.topic() + " offset " + r.offset(), record.toString());
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer,
                                   Collection<java.util.Map.Entry<TopicPartition, Long>> ends) {
        return ends.stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
