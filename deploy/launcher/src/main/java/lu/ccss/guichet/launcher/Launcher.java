package lu.ccss.guichet.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole platform on this machine: {@code ./run-local.sh} (see docs/local-run.md). Ctrl-C or SIGTERM stops
 * every process it started.
 */
public final class Launcher {

    private static final String USAGE = """
            Usage: ./run-local.sh [options]   (or: java -jar deploy/launcher/target/launcher-runnable.jar [options])

            Starts PostgreSQL, Kafka, Keycloak and the five services, waits until they are ready and prints where
            they are. Ctrl-C stops everything.

              --fresh             wipe the data directory first (databases, topics, Keycloak users, logs)
              --infra-only        start PostgreSQL, Kafka and Keycloak only (run a service from your IDE)
              --skip=NAME[,NAME]  do not start these services (e.g. the one you run from your IDE; also portal)
              --build             rebuild the services (./mvnw install -DskipTests) even if their jars exist
              --no-build          never build; fail if a service's jar is missing
              --data-dir=PATH     where the data lives (default $GUICHET_DATA_DIR or ~/.local/share/guichet)
              --port-offset=N     add N to every port (a second stack beside a running one)
              --replicas=N        run N instances of each service (1 to 9; replica r on its port + 10 * (r - 1))
              --timeout=SECONDS   how long to wait for everything to be ready (default 300)
              --help              this text
            """;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Launcher() {
    }

    public static void main(String[] args) {
        LauncherConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        LocalStack stack = new LocalStack(config, Launcher::progress);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stack.isClosed()) {
                return;
            }
            progress("Stopping everything");
            stack.close();
            List<ProcessHandle> alive = stack.aliveProcesses();
            if (alive.isEmpty()) {
                progress("Stopped; nothing left running");
            } else {
                progress("Could not stop: " + String.join(", ", alive.stream()
                        .map(h -> h.pid() + " " + h.info().command().orElse("?")).toList()));
            }
        }, "guichet-launcher-stop"));
        try {
            stack.start();
        } catch (LaunchException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(banner(stack));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configuration from the command line; null for --help. */
    static LauncherConfig parse(String[] args) {
        LauncherConfig.Builder builder = LauncherConfig.builder();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--fresh" -> builder.fresh(true);
                case "--infra-only", "--no-services" -> builder.startServices(false);
                case "--build" -> builder.build(LauncherConfig.Build.ALWAYS);
                case "--no-build" -> builder.build(LauncherConfig.Build.NEVER);
                case "--skip" -> {
                    for (String service : required(name, value).split(",")) {
                        builder.skip(service.trim());
                    }
                }
                case "--data-dir" -> builder.dataDir(Path.of(required(name, value)));
                case "--port-offset" -> builder.portOffset(number(name, value));
                case "--replicas" -> builder.replicas(number(name, value));
                case "--timeout" -> builder.startupTimeout(Duration.ofSeconds(number(name, value)));
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return builder.create();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(required(name, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not " + value);
        }
    }

    static void progress(String message) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + message);
    }

    static String banner(LocalStack stack) {
        LauncherConfig c = stack.config();
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(nl).append("Guichet is running (ready in ").append(LocalStack.seconds(stack.startupTime()))
                .append("). Press Ctrl-C to stop everything.").append(nl).append(nl);
        if (c.startsPortal()) {
            b.append(String.format("  %-24s %s   (sign in as employer, colleague, agent or operator; password demo)"
                    + "   portal.log%n", "Portal", c.portalUrl())).append(nl);
        }
        if (!c.services().isEmpty()) {
            b.append("Services (Swagger UI; logs in ").append(c.logsDir()).append("):").append(nl);
            for (ServiceDef s : c.services()) {
                for (int r = 1; r <= c.replicas(s); r++) {
                    String name = ServiceReplica.name(s, r);
                    b.append(String.format("  %-24s %s/q/swagger-ui   %s.log%n", name, c.serviceUrls(s).get(r - 1),
                            name));
                }
            }
            if (!c.skippedServices().isEmpty()) {
                b.append("  not started (--skip): ").append(String.join(", ", ServiceDef.ALL.stream()
                        .map(ServiceDef::name).filter(c.skippedServices()::contains).toList())).append(nl);
            }
        } else {
            b.append("Infrastructure only (--infra-only). A service started from your IDE needs nothing more")
                    .append(nl).append("if the ports are the defaults; otherwise set DB_URL, KAFKA_BOOTSTRAP_SERVERS")
                    .append(" and OIDC_AUTH_SERVER_URL as below.").append(nl);
        }
        b.append(nl);
        b.append(String.format("  %-24s %s/admin   (admin console: %s / %s)   keycloak.log%n", "Keycloak",
                c.keycloakUrl(), LauncherConfig.KEYCLOAK_ADMIN, LauncherConfig.KEYCLOAK_ADMIN_PASSWORD));
        b.append(String.format("  %-24s %s%n", "OIDC issuer", c.issuer()));
        b.append(String.format("  %-24s localhost:%d, databases space, certification, mandate, mailing, edelivery"
                + " (user %s / %s)   postgresql.log%n", "PostgreSQL", c.postgresPort(), LauncherConfig.DB_USER,
                LauncherConfig.DB_PASSWORD));
        b.append(String.format("  %-24s localhost:%d   kafka.log%n", "Kafka", c.kafkaPort()));
        b.append(String.format("  %-24s %s%n", "Data", c.dataDir()));
        b.append(nl);
        b.append("Demo accounts (realm guichet, password \"demo\"): employer, colleague, agent (role user);")
                .append(" operator (role ccss-operator); printer (role print-provider).").append(nl);
        b.append("Machine client: domain-system / domain-system-secret (client credentials, role domain-system;")
                .append(" a local-only secret).").append(nl);
        b.append("Print provider: print-provider / print-provider-secret (client credentials, role print-provider);")
                .append(" its downloads open with ")
                .append(c.dataDir().resolve(LocalSecrets.PRINT_PROVIDER_PRIVATE_KEY)).append(nl);
        b.append(nl);
        b.append("Get a token and create a space:").append(nl);
        b.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=guichet-portal -d username=employer")
                .append(" -d password=demo \\").append(nl);
        b.append("    ").append(c.tokenEndpoint()).append(" | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')")
                .append(nl);
        if (!c.services().isEmpty()) {
            ServiceDef space = ServiceDef.ALL.get(0);
            b.append("  curl -s -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\")
                    .append(nl);
            b.append("    -d '{\"name\":\"My company\",\"description\":\"Payroll\"}' ").append(c.serviceUrl(space))
                    .append("/api/spaces").append(nl);
        }
        return b.toString();
    }
}
