package lu.ccss.guichet.launcher;

import lu.ccss.guichet.embedded.EmbeddedKafkaBroker;
import lu.ccss.guichet.embedded.EmbeddedPostgresServer;
import lu.ccss.guichet.events.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * PostgreSQL with one database per service, and Kafka with the platform's topics, both inside the launcher's JVM
 * (PostgreSQL's server is a child process that zonky starts).
 */
final class Infrastructure {

    /** Event topics (3 partitions each) and dead-letter topics (1 partition each) created up front. */
    static final List<String> EVENT_TOPICS =
            List.of(Topics.SPACE, Topics.CERTIFICATION, Topics.MANDATE, Topics.MAILING, Topics.MAILING_INBOX,
                    Topics.EDELIVERY, Topics.REGISTER);
    static final List<String> DEAD_LETTER_TOPICS = List.of("guichet.space.dead-letter",
            "guichet.certification.dead-letter", "guichet.mandate.dead-letter", "guichet.mailing.dead-letter",
            "guichet.edelivery.dead-letter");
    static final int EVENT_TOPIC_PARTITIONS = 3;
    static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LauncherConfig config;
    private final DataDirectory dataDirectory;
    private final Consumer<String> progress;
    private final Runnable checkNotClosed;
    private volatile EmbeddedPostgresServer postgres;
    private volatile long postmasterPid = -1;
    private volatile EmbeddedKafkaBroker kafka;

    /** {@code checkNotClosed} throws if the stack is closing. */
    Infrastructure(LauncherConfig config, DataDirectory dataDirectory, Consumer<String> progress,
            Runnable checkNotClosed) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.progress = progress;
        this.checkNotClosed = checkNotClosed;
    }

    /** Both at once (each takes seconds); if one fails, the other is still waited for, so that close() stops it. */
    void start() {
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

    /** Starts PostgreSQL on its port and data directory, and creates the databases that are missing. */
    void startPostgres() {
        progress.accept("Starting PostgreSQL on port " + config.postgresPort() + " (log: "
                + config.logsDir().resolve("postgresql.log") + ")");
        try {
            postgres = EmbeddedPostgresServer.start(config.postgresPort(), dataDirectory.postgres());
        } catch (RuntimeException e) {
            throw new LaunchException("PostgreSQL did not start: " + rootMessage(e) + " (log: "
                    + config.logsDir().resolve("postgresql.log") + ")", e);
        }
        postmasterPid = dataDirectory.postmasterPid().orElse(-1L);
        for (ServiceDef s : ServiceDef.ALL) {
            postgres.createDatabase(s.database(), LauncherConfig.DB_USER, LauncherConfig.DB_PASSWORD);
        }
        checkNotClosed.run();
    }

    /** Starts Kafka on its ports and log directory, and creates the topics that are missing. */
    void startKafka() {
        progress.accept("Starting Kafka on port " + config.kafkaPort() + " (log: "
                + config.logsDir().resolve("kafka.log") + ")");
        try {
            kafka = EmbeddedKafkaBroker.start(config.kafkaPort(), config.kafkaControllerPort(),
                    dataDirectory.path().resolve("kafka"));
            kafka.createTopics(EVENT_TOPICS, EVENT_TOPIC_PARTITIONS);
            kafka.createTopics(DEAD_LETTER_TOPICS, DEAD_LETTER_TOPIC_PARTITIONS);
        } catch (RuntimeException e) {
            throw new LaunchException("Kafka did not start: " + rootMessage(e) + " (log: "
                    + config.logsDir().resolve("kafka.log") + ")", e);
        }
        checkNotClosed.run();
    }

    /** Stops Kafka, then PostgreSQL: those that were started. */
    void close() {
        stopKafka();
        stopPostgres();
    }

    /** Stops the broker, if it runs; its log directory stays, for {@link #startKafka()}. */
    void stopKafka() {
        if (kafka != null) {
            progress.accept("Stopping Kafka");
            runWithTimeout("Kafka", kafka::close);
            kafka = null;
        }
    }

    /** Stops the server, if it runs; its data directory stays, for {@link #startPostgres()}. */
    void stopPostgres() {
        if (postgres != null) {
            progress.accept("Stopping PostgreSQL");
            runWithTimeout("PostgreSQL", postgres::close);
            stopPostmasterIfStillRunning();
            postgres = null;
        }
    }

    /** If zonky could not stop the server (for instance it had already been sent Ctrl-C), make sure it is gone. */
    private void stopPostmasterIfStillRunning() {
        postmaster().filter(ProcessHandle::isAlive).ifPresent(h -> {
            h.destroy(); // SIGTERM: smart shutdown
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }

    long postmasterPid() {
        return postmasterPid;
    }

    /** PostgreSQL's postmaster and its backends, alive or not. */
    List<ProcessHandle> handles() {
        List<ProcessHandle> all = new ArrayList<>();
        postmaster().ifPresent(h -> {
            all.add(h);
            h.descendants().forEach(all::add);
        });
        return all;
    }

    private Optional<ProcessHandle> postmaster() {
        return postmasterPid > 0 ? ProcessHandle.of(postmasterPid) : Optional.empty();
    }

    private void runWithTimeout(String what, Runnable action) {
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
            t.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            progress.accept(what + " did not stop within " + LocalStack.seconds(STOP_TIMEOUT));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t;
    }
}
