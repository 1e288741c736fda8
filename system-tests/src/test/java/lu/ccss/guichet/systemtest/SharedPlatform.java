package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.Platform;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.Register;
import lu.ccss.guichet.client.TraceReceiver;
import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.launcher.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One running platform for every system test class of the run: the same LocalStack as {@code ./run-local.sh} (real
 * PostgreSQL, Kafka, Keycloak and the five services' jars, the space-service twice), started by the first class that
 * asks for it and stopped by {@link LocalStackIT}, the last class, or else when JUnit closes its root store. Starting
 * it takes about a minute and a half; every system test class shares it. The clients talk to the first replica; the
 * space-service's second shares its consumer groups, so its events are handled by both. (Two replicas of every
 * service made every suite a third slower on two cores.)
 *
 * <p>A class uses it with {@code @ExtendWith(SharedPlatform.Use.class)} and {@link #current()}. After any failure the
 * data directory (the services' logs) is kept under {@code target/platform}.
 *
 * <p>Tracing is on: the services export their spans to {@link #traces()}, a receiver in this JVM started before them.
 */
public final class SharedPlatform implements ExtensionContext.Store.CloseableResource {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    private static volatile SharedPlatform current;

    private final Path dataDir = Path.of("target", "platform").toAbsolutePath();
    private final LauncherConfig config;
    private final LocalStack stack;
    private final Platform platform;
    private final Http http;
    private final Keycloak keycloak;
    private final TraceReceiver traces;
    private volatile boolean failed;
    private PlatformFixture fixture;

    /** Starts the platform before the first class that uses it, and records failures (of dynamic tests too). */
    public static final class Use implements BeforeAllCallback, TestWatcher, InvocationInterceptor {
        @Override
        public void beforeAll(ExtensionContext context) {
            current = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedPlatform.class, key -> new SharedPlatform(), SharedPlatform.class);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            current().failed = true;
        }

        @Override
        public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                         ExtensionContext extensionContext) throws Throwable {
            try {
                invocation.proceed();
            } catch (Throwable failure) {
                current().failed = true;
                throw failure;
            }
        }
    }

    public static SharedPlatform current() {
        if (current == null) {
            throw new IllegalStateException("no platform: annotate the class with @ExtendWith(SharedPlatform.Use.class)");
        }
        return current;
    }

    private SharedPlatform() {
        traces = TraceReceiver.start();
        try {
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("services.env"), traces.servicesEnvironment());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = LauncherConfig.builder()
                .repoDir(repo())
                .dataDir(dataDir)
                .freePorts()
                .replicas(LocalStackIT.TWIN_SERVICE, 2)
                .build(LauncherConfig.Build.NEVER)
                .startupTimeout(Duration.ofMinutes(6))
                .create();
        stack = new LocalStack(config, SharedPlatform::log);
        try {
            stack.start();
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
        log("platform ready in " + stack.startupTime().toSeconds() + " s");
        platform = Platform.of(config);
        http = new Http(new Latencies());
        keycloak = new Keycloak(platform, http);
    }

    public LauncherConfig config() {
        return config;
    }

    public Platform platform() {
        return platform;
    }

    public Http http() {
        return http;
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    /** The processes, for suites that hurt them on purpose. */
    public LocalStack stack() {
        return stack;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The spans every service has exported so far. */
    TraceReceiver traces() {
        return traces;
    }

    /** A demo user of the realm ({@code employer}, {@code colleague}, {@code agent}, {@code operator}…). */
    public Guichet user(String username) {
        return Guichet.user(platform, http, keycloak, username);
    }

    public Guichet domainSystem() {
        return Guichet.domainSystem(platform, http, keycloak);
    }

    public Guichet printProviderApi() {
        return Guichet.printProvider(platform, http, keycloak);
    }

    public PrintProvider printProvider() {
        return PrintProvider.local(platform, http, keycloak, dataDir);
    }

    public Register register() {
        return new Register(config);
    }

    /** The people and things the authorization matrix and the fuzz suite aim at, made once per run. */
    public synchronized PlatformFixture fixture() {
        if (fixture == null) {
            long start = System.nanoTime();
            fixture = PlatformFixture.create(this);
            log("fixture ready in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        }
        return fixture;
    }

    @Override
    public void close() throws IOException {
        stack.close();
        traces.close();
        log(traces.spans().size() + " spans received");
        List<ProcessHandle> alive = stack.aliveProcesses();
        if (failed) {
            log("logs kept in " + dataDir.resolve("logs"));
            printErrorsOfTheServices();
        } else if (alive.isEmpty()) {
            deleteTree(dataDir);
        }
        if (!alive.isEmpty()) {
            throw new AssertionError("still running after stop: " + alive.stream()
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.joining("; ")));
        }
    }

    /** The first ERROR lines of each service's log: a failed step is often an event a service could not handle. */
    private void printErrorsOfTheServices() throws IOException {
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith("-service.log")).sorted().toList()) {
                List<String> errors = Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ")).limit(5)
                        .map(l -> l.length() > 500 ? l.substring(0, 500) + "…" : l).toList();
                if (!errors.isEmpty()) {
                    log(log.getFileName() + ":\n  " + String.join("\n  ", errors));
                }
            }
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("guichet.repo", "..")).toAbsolutePath().normalize();
    }

    static void log(String message) {
        System.out.println("[platform " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
