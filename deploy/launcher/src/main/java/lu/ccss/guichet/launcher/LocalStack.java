package lu.ccss.guichet.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole platform on this machine: PostgreSQL, Kafka, Keycloak and the five services. {@link #start()} brings it
 * up and waits until everything is ready; {@link #close()} stops every process it started. Used by the launcher's
 * main and by the smoke test.
 *
 * <p>It can also be hurt on purpose while the rest keeps running: {@link #kill} a service's instance with SIGKILL and
 * {@link #restart} it with the same configuration, {@link #restartKafka()}, {@link #restartPostgres()}.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * How long a restart of Kafka or PostgreSQL took.
     *
     * @param stop  until it had stopped
     * @param start from starting it again until it accepted connections
     * @param ready from starting it again until every running service said ready
     */
    public record Recovery(Duration stop, Duration start, Duration ready) {
    }

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final DataDirectory dataDirectory;
    private final Infrastructure infrastructure;
    private final KeycloakServer keycloak;
    private final ServiceProcesses services;
    private final Object chaos = new Object();
    private boolean closed;
    private long startedAt;

    public LocalStack(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.dataDirectory = new DataDirectory(config, progress);
        this.infrastructure = new Infrastructure(config, dataDirectory, progress, this::checkNotClosed);
        this.keycloak = new KeycloakServer(config, dataDirectory, progress, this::checkNotClosed);
        this.services = new ServiceProcesses(config, dataDirectory, progress, this::checkNotClosed);
    }

    public LauncherConfig config() {
        return config;
    }

    /** Starts everything and waits until it is ready; on failure stops what it started and throws. */
    public LocalStack start() {
        startedAt = System.nanoTime();
        try {
            dataDirectory.open();
            InfraLogging.configure(config.logsDir());
            PortCheck.requireFree(config);
            if (!config.services().isEmpty()) {
                ServiceJars.buildIfNeeded(config, progress);
            }
            keycloak.prepareDistribution();
            try {
                // The services' keys (RSA pairs take seconds) are made while PostgreSQL and Kafka start.
                CompletableFuture<Void> secrets = config.services().isEmpty() ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(services::prepareSecrets);
                keycloak.start();
                infrastructure.start();
                DemoRegister.loadOnce(config, dataDirectory.path(), progress);
                // The services need PostgreSQL and Kafka to start, not Keycloak: their OIDC set-up is retried on
                // the first request. Starting them while Keycloak still starts uses the second core.
                if (!config.services().isEmpty()) {
                    joinUnwrapped(secrets);
                    services.start();
                }
                List<Readiness.Probe> probes = new ArrayList<>();
                probes.add(keycloak.probe());
                probes.addAll(services.probes());
                new Readiness(config, progress, this::checkNotClosed).await(probes);
                keycloak.markBuiltIfBuilding();
            } finally {
                keycloak.releaseBuildLock();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The future's result, or what it failed with (not wrapped in a CompletionException). */
    static <T> T joinUnwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void checkNotClosed() {
        if (closed) {
            throw new LaunchException("Stopped while starting");
        }
    }

    public Duration startupTime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** Stops every process this stack started: services, Keycloak, Kafka, PostgreSQL. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        services.stop();
        keycloak.stop();
        infrastructure.close();
        dataDirectory.close();
    }

    /**
     * Every process this stack started that is still alive: children and their descendants, and PostgreSQL's
     * postmaster with its backends. Empty after {@link #close()} unless something could not be stopped.
     */
    public List<ProcessHandle> aliveProcesses() {
        List<ProcessHandle> all = new ArrayList<>(services.handles());
        all.addAll(keycloak.handles());
        all.addAll(infrastructure.handles());
        return all.stream().filter(ProcessHandle::isAlive).distinct().toList();
    }

    /**
     * The processes {@link #close()} had to kill because they had not ended within the grace after SIGTERM: a
     * shutdown slower than the one a Kubernetes pod is given.
     */
    public List<String> killedAfterGrace() {
        List<String> killed = new ArrayList<>(services.killedAfterGrace());
        killed.addAll(keycloak.killedAfterGrace());
        return killed;
    }

    public long postmasterPid() {
        return infrastructure.postmasterPid();
    }

    /** Every instance of every service started, killed ones included. */
    public List<ServiceInstance> instances() {
        return services.instances();
    }

    /**
     * Kills instance {@code replica} (1 for the first) of {@code service} with SIGKILL, as an OOM killer or a node
     * failure would; returns once its process is gone and its port is free. The rest keeps running.
     */
    public void kill(String service, int replica) {
        synchronized (chaos) {
            requireRunning();
            services.kill(services.replica(service, replica));
        }
    }

    /**
     * Starts instance {@code replica} of {@code service} again with the same command line, environment and port
     * (killing it first if it still runs) and waits until it is ready, within the startup timeout; returns how long
     * that took from the start of its new JVM. Several services may be restarting at once: only the start itself
     * is exclusive.
     */
    public Duration restart(String service, int replica) {
        Readiness.Probe probe;
        long started;
        synchronized (chaos) {
            requireRunning();
            probe = services.restart(services.replica(service, replica));
            started = System.nanoTime();
        }
        new Readiness(config, progress, this::checkNotClosed).awaitAgain(List.of(probe));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the Kafka broker and starts it again on the same ports and log directory; see {@link Recovery}. */
    public Recovery restartKafka() {
        return restartKafka(() -> { });
    }

    /** The same, running {@code whileDown} once the broker has stopped (e.g. to watch the services notice). */
    public Recovery restartKafka(Runnable whileDown) {
        return restartInfrastructure(infrastructure::stopKafka, whileDown, infrastructure::startKafka);
    }

    /** Stops PostgreSQL and starts it again on the same port and data directory; see {@link Recovery}. */
    public Recovery restartPostgres() {
        return restartPostgres(() -> { });
    }

    /** The same, running {@code whileDown} once the server has stopped. */
    public Recovery restartPostgres(Runnable whileDown) {
        return restartInfrastructure(infrastructure::stopPostgres, whileDown, infrastructure::startPostgres);
    }

    private Recovery restartInfrastructure(Runnable stop, Runnable whileDown, Runnable start) {
        synchronized (chaos) {
            requireRunning();
            long stopping = System.nanoTime();
            stop.run();
            Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
            long starting;
            try {
                whileDown.run();
            } finally {
                starting = System.nanoTime();
                start.run();
            }
            Duration started = Duration.ofNanos(System.nanoTime() - starting);
            new Readiness(config, progress, this::checkNotClosed).awaitAgain(services.probes());
            return new Recovery(stopped, started, Duration.ofNanos(System.nanoTime() - starting));
        }
    }

    private void requireRunning() {
        if (isClosed()) {
            throw new IllegalStateException("The stack is stopped");
        }
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
