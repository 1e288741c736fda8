package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The services, {@link LauncherConfig#replicas()} instances of each, each a JVM running its {@code quarkus-run.jar},
 * configured through its environment. An instance can be killed and started again with the same configuration.
 */
final class ServiceProcesses {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(20);

    private final LauncherConfig config;
    private final DataDirectory dataDirectory;
    private final Consumer<String> progress;
    private final LocalSecrets secrets;
    private final ProcessGroup processes;
    private final List<ServiceReplica> replicas = new CopyOnWriteArrayList<>();
    /** The reference portal's process, if this run starts it; not among {@link #replicas}. */
    private volatile ServiceReplica portal;

    /** {@code checkNotClosed} throws if the stack is closing. */
    ServiceProcesses(LauncherConfig config, DataDirectory dataDirectory, Consumer<String> progress,
            Runnable checkNotClosed) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.progress = progress;
        this.secrets = new LocalSecrets(config.dataDir());
        this.processes = new ProcessGroup("services", checkNotClosed);
    }

    /** Starts every replica of the configured services without waiting for them. */
    /** Creates the services' local keys that are missing (also done by {@link #start()}). */
    void prepareSecrets() {
        secrets.ensure();
    }

    void start() {
        secrets.ensure();
        progress.accept("Starting " + String.join(", ", config.services().stream().map(ServiceDef::name).toList())
                + (config.replicas() > 1 ? " (up to " + config.replicas() + " replicas each)" : ""));
        for (ServiceDef s : config.services()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(config.serviceJvmOptions());
            // names the data directory, so that leftovers of a killed launcher can be recognised
            command.add("-Dguichet.data-dir=" + config.dataDir());
            command.add("-jar");
            command.add(s.jar(config.repoDir()).toString());
            for (int r = 1; r <= config.replicas(s); r++) {
                int port = config.servicePorts(s).get(r - 1);
                String name = ServiceReplica.name(s, r);
                ServiceReplica replica = new ServiceReplica(s, r, port, command, environment(s, port),
                        config.dataDir().resolve("services").resolve(name), config.logsDir().resolve(name + ".log"));
                replicas.add(replica);
                launch(replica);
            }
        }
        if (config.startsPortal()) {
            ServiceDef p = ServiceDef.PORTAL;
            progress.accept("Starting " + p.name() + " on port " + config.portalPort());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(config.serviceJvmOptions());
            command.add("-Dguichet.data-dir=" + config.dataDir());
            command.add("-jar");
            command.add(p.jar(config.repoDir()).toString());
            portal = new ServiceReplica(p, 1, config.portalPort(), command, portalEnvironment(),
                    config.dataDir().resolve("services").resolve(p.name()), config.logsDir().resolve(p.name() + ".log"));
            launch(portal);
        }
    }

    /**
     * The portal's environment: its port, the realm, each service's URL, and fresh keys for its session cookie and
     * CSRF tokens (made at each start: a restart of the launcher signs everybody out of the portal).
     */
    Map<String, String> portalEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(config.portalPort()));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(config.portalPort()));
        env.put("OIDC_AUTH_SERVER_URL", config.issuer());
        for (ServiceDef other : ServiceDef.ALL) {
            env.put(other.urlVariable(), config.serviceUrl(other));
        }
        env.put("PORTAL_SESSION_KEY", randomKey());
        env.put("PORTAL_CSRF_KEY", randomKey());
        env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.HexFormat.of().formatHex(key);
    }

    private void launch(ServiceReplica replica) {
        ChildProcess child = replica.start();
        dataDirectory.recordPid(child);
        processes.add(child);
    }

    /** The instance {@code replica} (1 for the first) of {@code service}. */
    ServiceReplica replica(String service, int replica) {
        ServiceDef def = ServiceDef.named(service);
        return replicas.stream().filter(r -> r.service().equals(def) && r.replica() == replica).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No replica " + replica + " of " + service
                        + " runs in this stack (" + config.replicas(def) + " replica(s))"));
    }

    List<ServiceInstance> instances() {
        return replicas.stream().map(ServiceReplica::snapshot).toList();
    }

    /** SIGKILL to the replica's JVM (and anything it started); returns once it is gone and its port is free. */
    void kill(ServiceReplica replica) {
        ChildProcess child = replica.current();
        progress.accept("Killing " + replica.name() + " (pid " + child.pid() + ", SIGKILL)");
        replica.kill(KILL_TIMEOUT);
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (!PortCheck.isFree(replica.port())) {
            if (System.nanoTime() > deadline) {
                throw new LaunchException(replica.name() + " was killed but its port " + replica.port()
                        + " is still taken after " + LocalStack.seconds(KILL_TIMEOUT));
            }
            pause();
        }
    }

    /** Kills the replica if it still runs, starts it again as it was first started and returns its probe. */
    Readiness.Probe restart(ServiceReplica replica) {
        if (replica.isAlive()) {
            kill(replica);
        }
        progress.accept("Starting " + replica.name() + " again on port " + replica.port());
        launch(replica);
        return probe(replica);
    }

    /**
     * The environment each service reads (see the services' application.properties), then the variables of
     * {@code services.env} in the data directory.
     */
    Map<String, String> environment(ServiceDef service, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DB_URL", "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + service.database());
        env.put("DB_REACTIVE_URL", "postgresql://localhost:" + config.postgresPort() + "/" + service.database());
        env.put("DB_USER", LauncherConfig.DB_USER);
        env.put("DB_PASSWORD", LauncherConfig.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.kafkaPort());
        env.put("OIDC_AUTH_SERVER_URL", config.issuer());
        for (ServiceDef other : ServiceDef.ALL) {
            env.put(other.urlVariable(), config.serviceUrl(other));
        }
        // plain-text logs in the log files (production logs JSON)
        env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // the local run shows its API documentation and metrics (production closes them, docs/security.md)
        env.put("GUICHET_PUBLIC_DOCS", "true");
        env.put("GUICHET_PUBLIC_METRICS", "true");
        env.putAll(secrets.forService(service));
        env.putAll(servicesEnvFile());
        return env;
    }

    /**
     * {@code <data dir>/services.env}: variables a developer wants every service to get (KEY=VALUE per line, e.g.
     * {@code QUARKUS_LOG_LEVEL=DEBUG}); created empty, with a comment, so that it can be found.
     */
    private Map<String, String> servicesEnvFile() {
        Path file = config.dataDir().resolve("services.env");
        try {
            if (!Files.isRegularFile(file)) {
                Files.writeString(file, """
                        # Environment variables passed to every service the local launcher starts, KEY=VALUE per line,
                        # for example QUARKUS_LOG_LEVEL=DEBUG. They override the launcher's own. Wiped by --fresh.
                        """, StandardCharsets.UTF_8);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                int eq = trimmed.indexOf('=');
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && eq > 0) {
                    values.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new LaunchException("Could not read or write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Probes of every replica but those killed on purpose (not waited for until they are restarted). */
    List<Readiness.Probe> probes() {
        List<Readiness.Probe> probes = new ArrayList<>(replicas.stream().filter(r -> !r.isKilled()).map(this::probe)
                .toList());
        if (portal != null) {
            probes.add(probe(portal));
        }
        return probes;
    }

    /** A service is ready when its readiness check (database and Kafka) is UP. */
    private Readiness.Probe probe(ServiceReplica replica) {
        return new Readiness.Probe(replica.name(), replica.current(), URI.create(replica.url() + "/q/health/ready"),
                true);
    }

    void stop() {
        processes.stop(progress);
    }

    List<String> killedAfterGrace() {
        return processes.killedAfterGrace();
    }

    List<ProcessHandle> handles() {
        return processes.handles();
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted", e);
        }
    }
}
