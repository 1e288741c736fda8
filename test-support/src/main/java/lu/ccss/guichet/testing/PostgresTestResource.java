package lu.ccss.guichet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import lu.ccss.guichet.embedded.EmbeddedPostgresServer;

import java.util.Map;

/**
 * Hands a real PostgreSQL database to a {@code @QuarkusTest} application. One server serves the whole test JVM;
 * it stops when the JVM exits.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "service_test";
    public static final String USER = "guichet";
    public static final String PASSWORD = "guichet";

    private static EmbeddedPostgresServer server;

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startEphemeral();
            server.createDatabase(DATABASE, USER, PASSWORD);
            EmbeddedPostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        return server;
    }

    /** JDBC URL of the test database, for tests that look at the rows themselves. */
    public static String jdbcUrl() {
        return server().jdbcUrl(DATABASE);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + server().port() + "/" + DATABASE,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by every test application of this JVM; stopped by the shutdown hook.
    }
}
