package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.platform.crypto.Argon2idHasher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the machine can do at best, measured in the same run as the platform: how many transactions per second the
 * platform's own PostgreSQL server commits (a plain JDBC loop, one row per transaction, in a scratch database), and
 * how much CPU one Argon2id verification costs with the parameters the services use.
 */
final class Ceilings {

    static final String SCRATCH_DATABASE = "benchmark_scratch";

    private Ceilings() {
    }

    /** Commits per second with {@code connections} clients each committing one-row inserts for {@code duration}. */
    record CommitRate(int connections, boolean synchronousCommit, long commits, double perSecond) {
    }

    /** The server's settings that decide what a commit costs. */
    record CommitSettings(String fsync, String synchronousCommit, String walSyncMethod, String version) {
    }

    static CommitSettings settings(String superuserUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "");
             Statement s = c.createStatement()) {
            return new CommitSettings(show(s, "fsync"), show(s, "synchronous_commit"), show(s, "wal_sync_method"),
                    show(s, "server_version"));
        }
    }

    /** Creates the scratch database and its table if missing (the services' databases are never touched). */
    static String prepareScratch(String host, int port) throws SQLException {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + SCRATCH_DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + SCRATCH_DATABASE);
                }
            }
        }
        String scratch = "jdbc:postgresql://" + host + ":" + port + "/" + SCRATCH_DATABASE;
        try (Connection c = DriverManager.getConnection(scratch, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table if not exists commit_loop (id bigserial primary key, client int not null, "
                    + "payload text not null, at timestamptz not null default now())");
            s.execute("truncate commit_loop");
        }
        return scratch;
    }

    /**
     * Commits per second of {@code connections} clients; {@code forceSynchronousCommit} sets synchronous_commit=on
     * in their sessions (each commit waits for its WAL flush, as a production server would).
     */
    static CommitRate commitLoop(String scratchUrl, int connections, boolean forceSynchronousCommit, Duration duration)
            throws Exception {
        LongAdder commits = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int client = i;
                clients.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(scratchUrl, "postgres", "")) {
                        if (forceSynchronousCommit) {
                            try (Statement s = c.createStatement()) {
                                s.execute("set synchronous_commit = on");
                            }
                        }
                        c.setAutoCommit(false);
                        try (PreparedStatement insert = c.prepareStatement(
                                "insert into commit_loop (client, payload) values (?, ?)")) {
                            while (System.nanoTime() < end) {
                                insert.setInt(1, client);
                                insert.setString(2, "x");
                                insert.executeUpdate();
                                c.commit();
                                commits.increment();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CommitRate(connections, forceSynchronousCommit, commits.sum(), commits.sum() / seconds);
    }

    /** The transaction ids PostgreSQL has handed out so far: their increase counts the writing transactions. */
    static long transactionIds(String superuserUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_current_xact_id()::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** All commits of the services' databases (read-only transactions too), from pg_stat_database. */
    static long committedTransactions(String superuserUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(sum(xact_commit), 0) from pg_stat_database "
                     + "where datname in ('space', 'certification', 'mandate', 'mailing', 'edelivery')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** CPU seconds of one Argon2id verification (OWASP parameters, as the services hash), median of {@code samples}. */
    static double argon2VerificationCpuSeconds(int samples) {
        Argon2idHasher hasher = Argon2idHasher.withDefaults();
        String phc = hasher.hash("Sc-1a2b3c4");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 10; i++) {
            Argon2idHasher.verify(phc, "Sc-1a2b3c4"); // warm up the JIT
        }
        double[] cpu = new double[samples];
        for (int i = 0; i < samples; i++) {
            long before = threads.getCurrentThreadCpuTime();
            if (!Argon2idHasher.verify(phc, "Sc-1a2b3c4")) {
                throw new IllegalStateException("Argon2id verification failed");
            }
            cpu[i] = (threads.getCurrentThreadCpuTime() - before) / 1e9;
        }
        java.util.Arrays.sort(cpu);
        return cpu[samples / 2];
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
