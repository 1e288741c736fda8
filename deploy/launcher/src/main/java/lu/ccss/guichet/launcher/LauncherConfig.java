package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything a local run needs to know: where the repository and the data live, the ports, and what to start.
 *
 * @param repoDir            the repository (holds {@code mvnw} and the service modules)
 * @param dataDir            state kept across restarts: PostgreSQL, Kafka, Keycloak's database, logs
 * @param cacheDir           re-creatable things shared by every local stack: the unpacked, built Keycloak
 * @param postgresPort       PostgreSQL
 * @param kafkaPort          Kafka's PLAINTEXT listener
 * @param kafkaControllerPort Kafka's KRaft controller listener
 * @param keycloakPort       Keycloak's HTTP port (also in the token issuer)
 * @param servicePorts       HTTP ports by service name, one per replica (the first is replica 1's): as many
 *                           instances of each service run, each on its own port
 * @param fresh              wipe {@code dataDir} before starting
 * @param startServices      false: PostgreSQL, Kafka and Keycloak only
 * @param skippedServices    services not to start (e.g. one run from the IDE)
 * @param build              when to run Maven for the services' jars
 * @param startupTimeout     how long to wait for everything to be ready
 * @param serviceJvmOptions  JVM options of each service process
 * @param portalPort         the reference portal's HTTP port (started with the services unless skipped)
 */
public record LauncherConfig(
        Path repoDir,
        Path dataDir,
        Path cacheDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        Map<String, List<Integer>> servicePorts,
        boolean fresh,
        boolean startServices,
        Set<String> skippedServices,
        Build build,
        Duration startupTimeout,
        List<String> serviceJvmOptions,
        int portalPort) {

    public static final String KEYCLOAK_VERSION = buildProperty("keycloak.version", "26.7.3");
    public static final String REALM = "guichet";
    public static final String DB_USER = "guichet";
    public static final String DB_PASSWORD = "guichet";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    public static final int MAX_REPLICAS = 9;
    /** Replica r of a service listens on its port + (r - 1) * 10 in a local run: 8081, 8091, ... up to 8161. */
    static final int REPLICA_PORT_STEP = 10;
    /** Quick start for a laptop and the tests: C1 only, a small serial heap. Not for measuring throughput. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * The images' settings (src/main/docker/Dockerfile.jvm: G1, the full tiered compiler, exit on OutOfMemoryError)
     * with the heap the chart's default memory limit gives (70 % of 768 MiB): what the benchmark measures.
     */
    public static final List<String> PRODUCTION_SERVICE_JVM_OPTIONS =
            List.of("-XX:+UseG1GC", "-Xmx537m", "-XX:+ExitOnOutOfMemoryError");

    /** When to build the services' jars with Maven. */
    public enum Build {
        /** Only the jars that are missing (the default). */
        IF_MISSING,
        /** Rebuild all services even if their jars exist. */
        ALWAYS,
        /** Never: a missing jar is an error (the smoke test; the reactor has just built them). */
        NEVER
    }

    public LauncherConfig {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        servicePorts.forEach((name, list) -> ports.put(name, List.copyOf(list)));
        if (ports.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a service with no port: " + ports);
        }
        servicePorts = Collections.unmodifiableMap(ports);
        skippedServices = Set.copyOf(skippedServices);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** The services this run starts. */
    public List<ServiceDef> services() {
        if (!startServices) {
            return List.of();
        }
        return ServiceDef.ALL.stream().filter(s -> !skippedServices.contains(s.name())).toList();
    }

    /** Whether this run starts the reference portal: with the services, unless {@code --skip=portal}. */
    public boolean startsPortal() {
        return startServices && !skippedServices.contains(ServiceDef.PORTAL.name());
    }

    /** The reference portal's URL: what a person opens in the browser. */
    public String portalUrl() {
        return "http://localhost:" + portalPort;
    }

    /** Replica 1's port. */
    public int servicePort(ServiceDef service) {
        return servicePorts(service).get(0);
    }

    /** The most instances any service runs. */
    public int replicas() {
        return servicePorts.values().stream().mapToInt(List::size).max().orElse(1);
    }

    /** How many instances of {@code service} run. */
    public int replicas(ServiceDef service) {
        return servicePorts(service).size();
    }

    /** Every replica's port, replica 1 first. */
    public List<Integer> servicePorts(ServiceDef service) {
        return servicePorts.get(service.name());
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Replica 1's base URL: what the services and the tests call. */
    public String serviceUrl(ServiceDef service) {
        return "http://localhost:" + servicePort(service);
    }

    /** Every replica's base URL, replica 1 first. */
    public List<String> serviceUrls(ServiceDef service) {
        return servicePorts(service).stream().map(port -> "http://localhost:" + port).toList();
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.repoDir = repoDir;
        b.dataDir = dataDir;
        b.cacheDir = cacheDir;
        b.postgresPort = postgresPort;
        b.kafkaPort = kafkaPort;
        b.kafkaControllerPort = kafkaControllerPort;
        b.keycloakPort = keycloakPort;
        servicePorts.forEach((name, ports) -> b.servicePorts.put(name, new ArrayList<>(ports)));
        b.fresh = fresh;
        b.startServices = startServices;
        b.skippedServices = new LinkedHashSet<>(skippedServices);
        b.build = build;
        b.startupTimeout = startupTimeout;
        b.serviceJvmOptions = new ArrayList<>(serviceJvmOptions);
        b.portalPort = portalPort;
        return b;
    }

    /** Defaults: the fixed ports of a local run, the per-user data and cache directories. */
    public static final class Builder {
        private Path repoDir;
        private Path dataDir;
        private Path cacheDir;
        private int postgresPort = 15432;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int keycloakPort = 8180;
        private final Map<String, List<Integer>> servicePorts = new LinkedHashMap<>();
        private boolean fresh;
        private boolean startServices = true;
        private Set<String> skippedServices = new LinkedHashSet<>();
        private Build build = Build.IF_MISSING;
        private Duration startupTimeout = Duration.ofMinutes(5);
        private List<String> serviceJvmOptions = new ArrayList<>(defaultServiceJvmOptions());
        private int portalPort = ServiceDef.PORTAL.defaultPort();
        /** Set by {@link #freePorts()}: replicas added later get free ports too; the ports handed out so far. */
        private Set<Integer> freePortsTaken;

        private Builder() {
            ServiceDef.ALL.forEach(s -> servicePorts.put(s.name(), new ArrayList<>(List.of(s.defaultPort()))));
        }

        public Builder repoDir(Path value) {
            repoDir = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder cacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        public Builder fresh(boolean value) {
            fresh = value;
            return this;
        }

        public Builder startServices(boolean value) {
            startServices = value;
            return this;
        }

        public Builder skip(String serviceName) {
            skippedServices.add(ServiceDef.named(serviceName).name());
            return this;
        }

        public Builder build(Build value) {
            build = value;
            return this;
        }

        public Builder startupTimeout(Duration value) {
            startupTimeout = value;
            return this;
        }

        public Builder serviceJvmOptions(List<String> value) {
            serviceJvmOptions = new ArrayList<>(value);
            return this;
        }

        /**
         * {@code count} instances of each service, each on its own port: replica 1's port plus 10 per replica with
         * the fixed ports, free ports after {@link #freePorts()}, whichever is called first.
         */
        public Builder replicas(int count) {
            servicePorts.keySet().forEach(service -> replicas(service, count));
            return this;
        }

        /** {@code count} instances of one service (the others keep theirs), ports as {@link #replicas(int)}. */
        public Builder replicas(String service, int count) {
            if (count < 1 || count > MAX_REPLICAS) {
                throw new IllegalArgumentException("--replicas needs a number from 1 to " + MAX_REPLICAS
                        + ", not " + count);
            }
            List<Integer> ports = servicePorts.get(ServiceDef.named(service).name());
            int first = ports.get(0);
            ports.clear();
            ports.add(first);
            for (int replica = 2; replica <= count; replica++) {
                ports.add(freePortsTaken != null ? freePort(freePortsTaken)
                        : first + (replica - 1) * REPLICA_PORT_STEP);
            }
            return this;
        }

        /** Adds {@code offset} to every port (a second stack beside the first). */
        public Builder portOffset(int offset) {
            postgresPort += offset;
            kafkaPort += offset;
            kafkaControllerPort += offset;
            keycloakPort += offset;
            portalPort += offset;
            servicePorts.values().forEach(ports -> ports.replaceAll(port -> port + offset));
            return this;
        }

        /** Free ports for everything, so that a test never collides with a developer's running stack. */
        public Builder freePorts() {
            freePortsTaken = new java.util.HashSet<>();
            postgresPort = freePort(freePortsTaken);
            kafkaPort = freePort(freePortsTaken);
            kafkaControllerPort = freePort(freePortsTaken);
            keycloakPort = freePort(freePortsTaken);
            portalPort = freePort(freePortsTaken);
            servicePorts.values().forEach(ports -> ports.replaceAll(port -> freePort(freePortsTaken)));
            return this;
        }

        public Builder ports(int postgres, int kafka, int kafkaController, int keycloak) {
            postgresPort = postgres;
            kafkaPort = kafka;
            kafkaControllerPort = kafkaController;
            keycloakPort = keycloak;
            return this;
        }

        public LauncherConfig create() {
            Path repo = repoDir != null ? repoDir : detectRepoDir();
            Path data = dataDir != null ? dataDir : defaultDataDir();
            Path cache = cacheDir != null ? cacheDir : defaultCacheDir();
            return new LauncherConfig(repo.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(),
                    cache.toAbsolutePath().normalize(), postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                    servicePorts, fresh, startServices, skippedServices, build, startupTimeout, serviceJvmOptions,
                    portalPort);
        }
    }

    /** {@code $GUICHET_DATA_DIR}, else {@code ${XDG_DATA_HOME:-~/.local/share}/guichet}. */
    public static Path defaultDataDir() {
        String explicit = System.getenv("GUICHET_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home().resolve(".local/share");
        return base.resolve("guichet");
    }

    /** {@code $GUICHET_CACHE_DIR}, else {@code ${XDG_CACHE_HOME:-~/.cache}/guichet}. */
    public static Path defaultCacheDir() {
        String explicit = System.getenv("GUICHET_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home().resolve(".cache");
        return base.resolve("guichet");
    }

    /** {@code $GUICHET_SERVICE_JVM_OPTIONS} (space separated), else {@link #DEFAULT_SERVICE_JVM_OPTIONS}. */
    public static List<String> defaultServiceJvmOptions() {
        String explicit = System.getenv("GUICHET_SERVICE_JVM_OPTIONS");
        if (explicit != null && !explicit.isBlank()) {
            return Arrays.asList(explicit.trim().split("\\s+"));
        }
        return DEFAULT_SERVICE_JVM_OPTIONS;
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    /**
     * The repository: the system property {@code guichet.repo}; else the directory this launcher was built in; else
     * the one its jar sits in ({@code <repo>/deploy/launcher/target/launcher-runnable.jar}); else the working
     * directory.
     */
    static Path detectRepoDir() {
        String explicit = System.getProperty("guichet.repo");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String built = buildProperty("repo.dir", null);
        if (built != null && isRepo(Path.of(built))) {
            return Path.of(built);
        }
        try {
            Path location = Path.of(LauncherConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = location; p != null; p = p.getParent()) {
                if (isRepo(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    private static boolean isRepo(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"));
    }

    /** A value written into launcher-build.properties by the Maven build. */
    static String buildProperty(String key, String fallback) {
        try (InputStream in = LauncherConfig.class.getResourceAsStream("/launcher-build.properties")) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty(key);
            return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #freePort} looks: below Linux's ephemeral range (32768-60999) and above common services. */
    static final int FREE_PORTS_FROM = 20000;
    static final int FREE_PORTS_TO = 32000;

    /**
     * A port free now, not in {@code taken}, and outside the kernel's ephemeral range: a port the kernel hands out
     * for {@code new ServerSocket(0)} can be taken, between this check and the server's bind, as the local port of one
     * of the many outgoing connections the starting services open (seen: Keycloak and a service failing with
     * "address already in use" on a busy machine).
     */
    static int freePort(Set<Integer> taken) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = random.nextInt(FREE_PORTS_FROM, FREE_PORTS_TO);
            if (!taken.contains(port) && isFree(port)) {
                taken.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_TO);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
