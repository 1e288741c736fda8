package lu.ccss.guichet.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one process), in-process. Used by the Quarkus test
 * resource and by the local launcher.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Large enough for a 5 MB document carried base64 inside an event. */
    public static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A throw-away broker on free ports. */
    public static EmbeddedKafkaBroker startEphemeral() {
        try {
            return start(0, 0, Files.createTempDirectory("kafka-test"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A broker on {@code port} (0: a free one) keeping its log in {@code logDirectory}. */
    public static EmbeddedKafkaBroker start(int port, int controllerPort, Path logDirectory) {
        int brokerPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + quorumPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + quorumPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        props.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        KafkaConfig config = new KafkaConfig(props, false);
        format(config, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, brokerPort);
        broker.awaitReady();
        return broker;
    }

    private static void format(KafkaConfig config, Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId("Z3VpY2hldC1jbHVzdGVyMQ")
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDirectory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that are missing, with {@code partitions} partitions each. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> wanted = topics.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)))).toList();
            admin.createTopics(wanted).values().forEach((topic, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Could not create topic " + topic, e);
                }
            });
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not become ready", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
