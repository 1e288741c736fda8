package lu.ccss.guichet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.events.Topics;

import java.util.List;
import java.util.Map;

/**
 * Hands a real in-process Kafka broker (KRaft) to a {@code @QuarkusTest} application. One broker serves the whole
 * test JVM; it stops when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.startEphemeral();
            broker.createTopics(List.of(Topics.SPACE, Topics.CERTIFICATION, Topics.MANDATE, Topics.MAILING,
                    Topics.MAILING_INBOX, Topics.EDELIVERY, Topics.REGISTER), 3);
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test application of this JVM; stopped by the shutdown hook.
    }
}
