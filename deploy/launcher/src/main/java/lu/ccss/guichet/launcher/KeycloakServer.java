package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The stack's Keycloak: a process run from the shared {@link KeycloakDistribution}, with its own home and realm. */
final class KeycloakServer {

    private static final String FROM_TEMPLATE = " (the realm from its template)";

    private final LauncherConfig config;
    private final DataDirectory dataDirectory;
    private final Consumer<String> progress;
    private final KeycloakDistribution distribution;
    private final ProcessGroup process;
    private final Runnable checkNotClosed;
    private FileLock buildLock;
    private CompletableFuture<ChildProcess> launched;
    private volatile ChildProcess importing;

    /** {@code checkNotClosed} throws if the stack is closing. */
    KeycloakServer(LauncherConfig config, DataDirectory dataDirectory, Consumer<String> progress,
            Runnable checkNotClosed) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.progress = progress;
        this.distribution = new KeycloakDistribution(config, progress);
        this.process = new ProcessGroup("Keycloak", checkNotClosed);
        this.checkNotClosed = checkNotClosed;
    }

    /**
     * Unpacks the distribution if needed; if Keycloak was never built from it, takes the build lock, held until
     * {@link #releaseBuildLock()}.
     */
    void prepareDistribution() {
        distribution.ensureUnpacked();
        buildLock = distribution.isBuilt() ? null : distribution.lockForBuild();
    }

    /**
     * Starts Keycloak. A fresh home gets its database from the realm's {@link RealmTemplate}; when there is none yet
     * (and Keycloak was built before), the template is made first, on a thread of its own, so that PostgreSQL, Kafka
     * and the services start meanwhile: {@link #probe()} waits for it.
     */
    void start() {
        Path home = dataDirectory.path().resolve("keycloak");
        Path realm = realmFile();
        distribution.prepareHome(home, realm);
        boolean firstBuild = !distribution.isBuilt();
        boolean newRealm = !Files.isDirectory(home.resolve("data/h2"));
        RealmTemplate template = new RealmTemplate(distribution.distDir(), realm);
        if (firstBuild || !newRealm) {
            announce(firstBuild ? " (first start: a one-time build of about a minute)" : "");
            launched = CompletableFuture.completedFuture(launch(home));
        } else if (template.exists()) {
            template.copyInto(home);
            announce(FROM_TEMPLATE);
            launched = CompletableFuture.completedFuture(launch(home));
        } else {
            progress.accept("Importing the realm into a template for fresh starts (once per realm file: about half a "
                    + "minute; log: " + importLog() + ")");
            launched = CompletableFuture.supplyAsync(() -> {
                try {
                    template.make(distribution, environment(), importLog(), child -> {
                        importing = child;
                        dataDirectory.recordPid(child);
                    });
                    template.copyInto(home);
                    announce(FROM_TEMPLATE);
                } catch (LaunchException e) {
                    checkNotClosed.run();
                    announce(" (no realm template: " + e.getMessage() + "; Keycloak imports the realm itself)");
                }
                return launch(home);
            }, runnable -> {
                Thread thread = new Thread(runnable, "keycloak-realm-template");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    private void announce(String how) {
        progress.accept("Starting Keycloak on port " + config.keycloakPort() + how);
    }

    private ChildProcess launch(Path home) {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + config.keycloakPort(),
                "--hostname=" + config.keycloakUrl(), "--import-realm");
        ChildProcess child = ChildProcess.start("keycloak", command, environment(), home,
                config.logsDir().resolve("keycloak.log"));
        dataDirectory.recordPid(child);
        process.add(child);
        return child;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", LauncherConfig.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", LauncherConfig.KEYCLOAK_ADMIN_PASSWORD);
        // A local Keycloak only signs people in: C1 alone starts it with a quarter less CPU (34 -> 25 CPU-s).
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return env;
    }

    private Path importLog() {
        return config.logsDir().resolve("keycloak-realm-import.log");
    }

    /** The realm in the repository (so an edit takes effect with --fresh), else the copy inside the launcher. */
    private Path realmFile() {
        Path inRepo = config.repoDir().resolve("deploy/keycloak/guichet-realm.json");
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/guichet-realm.json")) {
            if (in == null) {
                throw new LaunchException("No realm file: neither " + inRepo + " nor one inside the launcher");
            }
            Path copy = dataDirectory.path().resolve("guichet-realm.json");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ready when it serves the realm's OpenID configuration. */
    Readiness.Probe probe() {
        LocalStack.joinUnwrapped(launched);
        return new Readiness.Probe("Keycloak", process.children().get(0),
                URI.create(config.issuer() + "/.well-known/openid-configuration"), false);
    }

    /** Once Keycloak has started from a distribution it built, later stacks start without that build. */
    void markBuiltIfBuilding() {
        if (buildLock != null) {
            distribution.markBuilt();
        }
    }

    void releaseBuildLock() {
        if (buildLock != null) {
            try {
                buildLock.release();
                buildLock.channel().close();
            } catch (IOException e) {
                // ignore
            }
        }
    }

    void stop() {
        ChildProcess making = importing;
        if (making != null && making.isAlive()) {
            making.requestStop();
            making.awaitStop(Duration.ofSeconds(10));
        }
        process.stop(progress);
    }

    List<String> killedAfterGrace() {
        return process.killedAfterGrace();
    }

    List<ProcessHandle> handles() {
        return process.handles();
    }
}
