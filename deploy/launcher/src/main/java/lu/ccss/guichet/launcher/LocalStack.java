package lu.ccss.guichet.launcher;

import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.embedded.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole platform on this machine: PostgreSQL, Kafka, Keycloak and the five services. {@link #start()} brings it
 * up and waits until everything is ready; {@link #close()} stops every process it started. Used by the launcher's
 * main and by the smoke test.
 */
public final class LocalStack implements AutoCloseable {

    /** Event topics (3 partitions each) and dead-letter topics (1 partition each) created up front. */
    public static final List<String> EVENT_TOPICS =
            List.of(Topics.SPACE, Topics.CERTIFICATION, Topics.MANDATE, Topics.MAILING, Topics.EDELIVERY);
    public static final List<String> DEAD_LETTER_TOPICS = List.of("guichet.space.dead-letter",
            "guichet.certification.dead-letter", "guichet.mandate.dead-letter", "guichet.mailing.dead-letter",
            "guichet.edelivery.dead-letter");
    public static final int EVENT_TOPIC_PARTITIONS = 3;
    public static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ChildProcess> services = new ArrayList<>();
    private final List<ChildProcess> finished = new ArrayList<>();
    private final LocalSecrets secrets;
    private final Map<ChildProcess, ServiceDef> serviceDefs = new ConcurrentHashMap<>();
    private volatile FileChannel lockChannel;
    private volatile FileLock dataLock;
    private volatile ChildProcess keycloak;
    private volatile EmbeddedPostgresServer postgres;
    private volatile long postmasterPid = -1;
    private volatile EmbeddedKafkaBroker kafka;
    private boolean closed;
    private long startedAt;

    public LocalStack(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.secrets = new LocalSecrets(config.dataDir());
    }

    public LauncherConfig config() {
        return config;
    }

    /** Starts everything and waits until it is ready; on failure stops what it started and throws. */
    public LocalStack start() {
        startedAt = System.nanoTime();
        try {
            prepareDataDir();
            checkPortsAreFree();
            if (!config.services().isEmpty()) {
                buildServicesIfNeeded();
            }
            KeycloakDistribution distribution = new KeycloakDistribution(config, progress);
            distribution.ensureUnpacked();
            FileLock buildLock = distribution.isBuilt() ? null : distribution.lockForBuild();
            try {
                startKeycloak(distribution);
                startPostgresAndKafka();
                // The services need PostgreSQL and Kafka to start, not Keycloak: their OIDC set-up is retried on
                // the first request. Starting them while Keycloak still starts uses the second core.
                if (!config.services().isEmpty()) {
                    startServices();
                }
                awaitReady();
                if (buildLock != null) {
                    distribution.markBuilt();
                }
            } finally {
                if (buildLock != null) {
                    release(buildLock);
                }
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public Duration startupTime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    // ---------------------------------------------------------------- data directory

    private void prepareDataDir() {
        Path data = config.dataDir();
        try {
            Files.createDirectories(data);
            lockChannel = FileChannel.open(data.resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            dataLock = lockChannel.tryLock();
            if (dataLock == null) {
                throw new LaunchException("Another launcher is already running on " + data
                        + " (see " + data.resolve("launcher.pids") + "). Stop it first, or use --data-dir.");
            }
            stopLeftoversOfAKilledLauncher();
            if (config.fresh()) {
                progress.accept("--fresh: wiping " + data);
                try (Stream<Path> children = Files.list(data)) {
                    for (Path p : (Iterable<Path>) children::iterator) {
                        if (!p.getFileName().toString().equals("launcher.lock")) {
                            KeycloakDistribution.deleteTree(p);
                        }
                    }
                }
            }
            Files.createDirectories(config.logsDir());
            Files.writeString(data.resolve("launcher.pids"), "launcher " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new LaunchException("Could not prepare the data directory " + data + ": " + e.getMessage(), e);
        }
        InfraLogging.configure(config.logsDir());
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children. They are listed in {@code launcher.pids}, and
     * PostgreSQL in its {@code postmaster.pid}; stop those still running (only processes whose command line names
     * this data directory, so never an unrelated process that got the same pid).
     */
    private void stopLeftoversOfAKilledLauncher() throws IOException {
        List<ProcessHandle> leftovers = new ArrayList<>();
        Path pids = config.dataDir().resolve("launcher.pids");
        if (Files.isRegularFile(pids)) {
            for (String line : Files.readAllLines(pids)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && !parts[0].equals("launcher")) {
                    ProcessHandle.of(Long.parseLong(parts[1])).filter(this::belongsToThisStack)
                            .ifPresent(leftovers::add);
                }
            }
        }
        readPostmasterPid().flatMap(ProcessHandle::of).filter(this::belongsToThisStack).ifPresent(leftovers::add);
        if (leftovers.isEmpty()) {
            return;
        }
        progress.accept("Stopping " + leftovers.size() + " process(es) left behind by a launcher that was killed");
        for (ProcessHandle h : leftovers) {
            h.descendants().forEach(ProcessHandle::destroy);
            h.destroy();
        }
        for (ProcessHandle h : leftovers) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        }
    }

    private boolean belongsToThisStack(ProcessHandle h) {
        return h.info().commandLine().map(c -> c.contains(config.dataDir().toString())).orElse(false);
    }

    private Optional<Long> readPostmasterPid() {
        Path pidFile = postgresDir().resolve("postmaster.pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile);
                if (!lines.isEmpty()) {
                    return Optional.of(Long.parseLong(lines.get(0).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid
        }
        return Optional.empty();
    }

    private void recordPids() {
        StringBuilder sb = new StringBuilder("launcher " + ProcessHandle.current().pid() + "\n");
        if (keycloak != null) {
            sb.append("keycloak ").append(keycloak.pid()).append('\n');
        }
        for (ChildProcess s : services) {
            sb.append(s.name()).append(' ').append(s.pid()).append('\n');
        }
        try {
            Files.writeString(config.dataDir().resolve("launcher.pids"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkPortsAreFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", config.postgresPort());
        ports.put("Kafka", config.kafkaPort());
        ports.put("Kafka controller", config.kafkaControllerPort());
        ports.put("Keycloak", config.keycloakPort());
        config.services().forEach(s -> ports.put(s.name(), config.servicePort(s)));
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new LaunchException("Port(s) already in use: " + String.join(", ", busy)
                    + ". Is another stack running? Stop it, or start this one with --port-offset=N.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- build

    private void buildServicesIfNeeded() {
        List<ServiceDef> missing = config.services().stream()
                .filter(s -> !Files.isRegularFile(s.jar(config.repoDir()))).toList();
        List<ServiceDef> toBuild = switch (config.build()) {
            case ALWAYS -> config.services();
            case IF_MISSING -> missing;
            case NEVER -> {
                if (!missing.isEmpty()) {
                    throw new LaunchException("Missing " + String.join(", ", missing.stream()
                            .map(s -> s.jar(config.repoDir()).toString()).toList())
                            + "; build them first: ./mvnw install -DskipTests");
                }
                yield List.of();
            }
        };
        if (toBuild.isEmpty()) {
            return;
        }
        progress.accept("Building " + String.join(", ", toBuild.stream().map(ServiceDef::name).toList())
                + " (a first build takes a few minutes)");
        String modules = String.join(",", toBuild.stream().map(ServiceDef::name).toList());
        Maven.run(config.repoDir(), List.of("-q", "-B", "install", "-DskipTests", "-pl", modules, "-am"), progress);
        for (ServiceDef s : toBuild) {
            if (!Files.isRegularFile(s.jar(config.repoDir()))) {
                throw new LaunchException("The build did not produce " + s.jar(config.repoDir()));
            }
        }
    }

    // ---------------------------------------------------------------- Keycloak

    private Path keycloakHome() {
        return config.dataDir().resolve("keycloak");
    }

    private void startKeycloak(KeycloakDistribution distribution) {
        Path home = keycloakHome();
        distribution.prepareHome(home, realmFile());
        boolean firstBuild = !distribution.isBuilt();
        boolean newRealm = !Files.isDirectory(home.resolve("data/h2"));
        progress.accept("Starting Keycloak on port " + config.keycloakPort()
                + (firstBuild ? " (first start: a one-time build of about a minute)"
                        : newRealm ? " (importing the realm: about half a minute)" : ""));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", LauncherConfig.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", LauncherConfig.KEYCLOAK_ADMIN_PASSWORD);
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + config.keycloakPort(),
                "--hostname=" + config.keycloakUrl(), "--import-realm");
        register(ChildProcess.start("keycloak", command, env, home, config.logsDir().resolve("keycloak.log")));
    }

    /** The realm in the repository (so an edit takes effect with --fresh), else the copy inside the launcher. */
    private Path realmFile() {
        Path inRepo = config.repoDir().resolve("deploy/keycloak/guichet-realm.json");
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        try (InputStream in = LocalStack.class.getResourceAsStream("/keycloak/guichet-realm.json")) {
            if (in == null) {
                throw new LaunchException("No realm file: neither " + inRepo + " nor one inside the launcher");
            }
            Path copy = config.dataDir().resolve("guichet-realm.json");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- PostgreSQL and Kafka

    private Path postgresDir() {
        return config.dataDir().resolve("postgres");
    }

    /** Both at once (each takes seconds); if one fails, the other is still waited for, so that close() stops it. */
    private void startPostgresAndKafka() {
        CompletableFuture<Void> postgresStarted = CompletableFuture.runAsync(this::startPostgres);
        RuntimeException failure = null;
        try {
            startKafka();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgresStarted.join();
        } catch (CompletionException e) {
            if (failure == null) {
                failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void startPostgres() {
        progress.accept("Starting PostgreSQL on port " + config.postgresPort() + " (log: "
                + config.logsDir().resolve("postgresql.log") + ")");
        try {
            postgres = EmbeddedPostgresServer.start(config.postgresPort(), postgresDir());
        } catch (RuntimeException e) {
            throw new LaunchException("PostgreSQL did not start: " + rootMessage(e) + " (log: "
                    + config.logsDir().resolve("postgresql.log") + ")", e);
        }
        postmasterPid = readPostmasterPid().orElse(-1L);
        for (ServiceDef s : ServiceDef.ALL) {
            postgres.createDatabase(s.database(), LauncherConfig.DB_USER, LauncherConfig.DB_PASSWORD);
        }
        checkNotClosed();
    }

    private void startKafka() {
        progress.accept("Starting Kafka on port " + config.kafkaPort() + " (log: "
                + config.logsDir().resolve("kafka.log") + ")");
        try {
            kafka = EmbeddedKafkaBroker.start(config.kafkaPort(), config.kafkaControllerPort(),
                    config.dataDir().resolve("kafka"));
            kafka.createTopics(EVENT_TOPICS, EVENT_TOPIC_PARTITIONS);
            kafka.createTopics(DEAD_LETTER_TOPICS, DEAD_LETTER_TOPIC_PARTITIONS);
        } catch (RuntimeException e) {
            throw new LaunchException("Kafka did not start: " + rootMessage(e) + " (log: "
                    + config.logsDir().resolve("kafka.log") + ")", e);
        }
        checkNotClosed();
    }

    // ---------------------------------------------------------------- services

    /**
     * The environment each service reads (see the services' application.properties), then the variables of
     * {@code services.env} in the data directory.
     */
    public Map<String, String> serviceEnvironment(ServiceDef service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(config.servicePort(service)));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(config.servicePort(service)));
        env.put("DB_URL", "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + service.database());
        env.put("DB_USER", LauncherConfig.DB_USER);
        env.put("DB_PASSWORD", LauncherConfig.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.kafkaPort());
        env.put("OIDC_AUTH_SERVER_URL", config.issuer());
        for (ServiceDef other : ServiceDef.ALL) {
            env.put(other.urlVariable(), config.serviceUrl(other));
        }
        // plain-text logs in the log files (production logs JSON)
        env.put("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(secrets.forService(service));
        env.putAll(servicesEnvFile());
        return env;
    }

    /**
     * {@code <data dir>/services.env}: variables a developer wants every service to get (KEY=VALUE per line, e.g.
     * {@code QUARKUS_LOG_LEVEL=DEBUG}); created empty, with a comment, so that it can be found.
     */
    Map<String, String> servicesEnvFile() {
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

    private void startServices() {
        secrets.ensure();
        progress.accept("Starting " + String.join(", ", config.services().stream().map(ServiceDef::name).toList()));
        for (ServiceDef s : config.services()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(config.serviceJvmOptions());
            // names the data directory, so that leftovers of a killed launcher can be recognised
            command.add("-Dguichet.data-dir=" + config.dataDir());
            command.add("-jar");
            command.add(s.jar(config.repoDir()).toString());
            ChildProcess child = ChildProcess.start(s.name(), command, serviceEnvironment(s),
                    config.dataDir().resolve("services").resolve(s.name()),
                    config.logsDir().resolve(s.name() + ".log"));
            register(child);
            serviceDefs.put(child, s);
        }
    }

    /** What says a process is ready: Keycloak serves the realm, a service's readiness is UP. */
    private record Probe(ChildProcess child, URI uri, boolean needsStatusUp) {
    }

    /**
     * Waits until Keycloak and every service are ready, reporting each as it gets there; fails as soon as one of them
     * exits, or at the timeout, naming what was not ready and its log.
     */
    private void awaitReady() {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe(keycloak, URI.create(config.issuer() + "/.well-known/openid-configuration"), false));
        List<ChildProcess> current;
        synchronized (this) {
            current = List.copyOf(services);
        }
        for (ChildProcess child : current) {
            probes.add(new Probe(child, URI.create(config.serviceUrl(serviceDefs.get(child)) + "/q/health/ready"),
                    true));
        }
        Map<Probe, String> pending = new LinkedHashMap<>();
        probes.forEach(p -> pending.put(p, "no answer"));
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(probes.size());
        try {
            while (true) {
                checkNotClosed();
                Map<Probe, Future<Optional<HttpResponse<String>>>> answers = new LinkedHashMap<>();
                for (Probe probe : pending.keySet()) {
                    if (!probe.child().isAlive()) {
                        throw failed(probe.child(), "exited with code " + probe.child().exitValue()
                                + " while starting");
                    }
                    answers.put(probe, pool.submit(() -> get(probe.uri())));
                }
                for (var answer : answers.entrySet()) {
                    Probe probe = answer.getKey();
                    Optional<HttpResponse<String>> response = getQuietly(answer.getValue());
                    boolean ready = response.isPresent() && response.get().statusCode() == 200
                            && (!probe.needsStatusUp() || STATUS_UP.matcher(response.get().body()).find());
                    if (ready) {
                        pending.remove(probe);
                        progress.accept((probe.child() == keycloak ? "Keycloak" : probe.child().name())
                                + " is ready (" + seconds(probe.child().uptime()) + ")");
                    } else {
                        pending.put(probe, response.map(r -> "HTTP " + r.statusCode() + " " + abbreviate(r.body()))
                                .orElse("no answer"));
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    String nl = System.lineSeparator();
                    StringBuilder names = new StringBuilder();
                    pending.forEach((p, last) -> names.append(nl).append("  ").append(p.child().name())
                            .append(" (").append(p.uri()).append("): last answer ").append(last)
                            .append("; log: ").append(p.child().log()));
                    throw failed(pending.keySet().iterator().next().child(), "was not ready within "
                            + seconds(config.startupTimeout()) + "; not ready:" + names);
                }
                sleep(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- stop

    /** Stops every process this stack started: services, Keycloak, Kafka, PostgreSQL. Safe to call twice. */
    @Override
    public void close() {
        List<ChildProcess> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(services);
        }
        stopChildren(toStop, "services");
        if (keycloak != null) {
            stopChildren(List.of(keycloak), "Keycloak");
        }
        if (kafka != null) {
            progress.accept("Stopping Kafka");
            runWithTimeout("Kafka", kafka::close, Duration.ofSeconds(30));
        }
        if (postgres != null) {
            progress.accept("Stopping PostgreSQL");
            runWithTimeout("PostgreSQL", postgres::close, Duration.ofSeconds(30));
            stopPostmasterIfStillRunning();
        }
        try {
            Files.deleteIfExists(config.dataDir().resolve("launcher.pids"));
        } catch (IOException e) {
            // not important
        }
        if (dataLock != null) {
            release(dataLock);
            try {
                lockChannel.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    private void stopChildren(List<ChildProcess> children, String what) {
        if (children.stream().anyMatch(c -> c.handles().stream().anyMatch(ProcessHandle::isAlive))) {
            progress.accept("Stopping " + what);
        }
        children.forEach(ChildProcess::requestStop);
        children.forEach(c -> c.awaitStop(STOP_GRACE));
        synchronized (this) {
            finished.addAll(children);
        }
    }

    /** If zonky could not stop the server (for instance it had already been sent Ctrl-C), make sure it is gone. */
    private void stopPostmasterIfStillRunning() {
        Optional<ProcessHandle> postmaster = postmasterPid > 0 ? ProcessHandle.of(postmasterPid) : Optional.empty();
        postmaster.filter(ProcessHandle::isAlive).ifPresent(h -> {
            h.destroy(); // SIGTERM: smart shutdown
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }

    /**
     * Every process this stack started that is still alive: children and their descendants, and PostgreSQL's
     * postmaster with its backends. Empty after {@link #close()} unless something could not be stopped.
     */
    public List<ProcessHandle> aliveProcesses() {
        List<ProcessHandle> all = new ArrayList<>();
        List<ChildProcess> children;
        synchronized (this) {
            children = new ArrayList<>(finished);
            children.addAll(services);
        }
        if (keycloak != null) {
            children.add(keycloak);
        }
        for (ChildProcess c : children) {
            all.addAll(c.handles());
        }
        if (postmasterPid > 0) {
            ProcessHandle.of(postmasterPid).ifPresent(h -> {
                all.add(h);
                h.descendants().forEach(all::add);
            });
        }
        return all.stream().filter(ProcessHandle::isAlive).distinct().toList();
    }

    public long postmasterPid() {
        return postmasterPid;
    }

    // ---------------------------------------------------------------- helpers

    private synchronized ChildProcess register(ChildProcess child) {
        if (child.name().equals("keycloak")) {
            keycloak = child;
        } else {
            services.add(child);
        }
        recordPids();
        if (closed) {
            child.requestStop();
            child.awaitStop(STOP_GRACE);
            throw new LaunchException("Stopped while starting");
        }
        return child;
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw new LaunchException("Stopped while starting");
        }
    }

    private LaunchException failed(ChildProcess child, String what) {
        String nl = System.lineSeparator();
        String errors = child.firstErrors(8);
        return new LaunchException(child.name() + " " + what + "." + nl + "Its log: " + child.log() + nl
                + (errors.isEmpty() ? "" : "First errors in it:" + nl + errors + nl)
                + "Last lines:" + nl + child.tail(10));
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted", e);
        }
    }

    private static <T> Optional<T> getQuietly(Future<Optional<T>> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void runWithTimeout(String what, Runnable action, Duration timeout) {
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                progress.accept(what + " did not stop cleanly: " + rootMessage(e));
            }
        }, "stop-" + what);
        t.setDaemon(true);
        t.start();
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            progress.accept(what + " did not stop within " + seconds(timeout));
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // ignore
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted", e);
        }
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t;
    }
}
