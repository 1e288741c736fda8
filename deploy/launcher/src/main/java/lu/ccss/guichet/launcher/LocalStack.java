package lu.ccss.guichet.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole platform on this machine: PostgreSQL, Kafka, Keycloak and the five services. {@link #start()} brings it
 * up and waits until everything is ready; {@link #close()} stops every process it started. Used by the launcher's
 * main and by the smoke test.
 */
public final class LocalStack implements AutoCloseable {

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final DataDirectory dataDirectory;
    private final Infrastructure infrastructure;
    private final KeycloakServer keycloak;
    private final ServiceProcesses services;
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
                keycloak.start();
                infrastructure.start();
                DemoRegister.loadOnce(config, dataDirectory.path(), progress);
                // The services need PostgreSQL and Kafka to start, not Keycloak: their OIDC set-up is retried on
                // the first request. Starting them while Keycloak still starts uses the second core.
                if (!config.services().isEmpty()) {
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

    public long postmasterPid() {
        return infrastructure.postmasterPid();
    }

    /** Every instance of every service started, killed ones included. */
    public List<ServiceInstance> instances() {
        return services.instances();
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
