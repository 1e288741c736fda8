package lu.ccss.guichet.systemtest.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the five databases hold, table by table: the row count and a digest of the rows (PostgreSQL's text form of
 * each row, in a fixed order). Equal snapshots mean nothing was inserted, deleted or updated; the outbox and the
 * processed-events tables are tables like the others.
 */
public final class DatabaseSnapshot {

    /** Row count and digest of one table. */
    public record Table(long rows, String digest) {
    }

    private final Map<String, Table> tables;

    private DatabaseSnapshot(Map<String, Table> tables) {
        this.tables = tables;
    }

    public int tableCount() {
        return tables.size();
    }

    /** The tables whose rows differ, each with its counts before and after. */
    public List<String> differences(DatabaseSnapshot after) {
        List<String> changed = new ArrayList<>();
        tables.forEach((name, before) -> {
            Table now = after.tables.get(name);
            if (!before.equals(now)) {
                changed.add(name + (now == null ? " (gone)" : before.rows() == now.rows()
                        ? " (" + now.rows() + " rows, updated)" : " (" + before.rows() + " -> " + now.rows() + " rows)"));
            }
        });
        after.tables.keySet().stream().filter(name -> !tables.containsKey(name)).forEach(n -> changed.add(n + " (new)"));
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseSnapshot s && tables.equals(s.tables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables);
    }

    /** Open connections to each service's database, kept for the whole run. */
    public static final class Databases implements AutoCloseable {
        private final Map<String, Connection> connections = new LinkedHashMap<>();

        public Databases(int port, List<String> databases) throws SQLException {
            for (String database : databases) {
                connections.put(database, DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/"
                        + database, "postgres", ""));
            }
        }

        public DatabaseSnapshot snapshot() {
            Map<String, Table> tables = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Connection> db : connections.entrySet()) {
                    try (Statement s = db.getValue().createStatement()) {
                        for (String table : tables(s)) {
                            try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text),"
                                    + " '' order by md5(t::text))), '') from \"" + table + "\" t")) {
                                rs.next();
                                tables.put(db.getKey() + "." + table, new Table(rs.getLong(1), rs.getString(2)));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("snapshot failed: " + e.getMessage(), e);
            }
            return new DatabaseSnapshot(tables);
        }

        /**
         * A snapshot taken once the platform is quiet: two equal snapshots {@code interval} apart (events of earlier
         * work still being consumed, the outbox relay marking rows published), waiting at most {@code timeout}.
         */
        public DatabaseSnapshot quiet(Duration interval, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            DatabaseSnapshot last = snapshot();
            while (true) {
                sleep(interval);
                DatabaseSnapshot now = snapshot();
                if (now.equals(last)) {
                    return now;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the platform never went quiet within " + timeout + ": "
                            + last.differences(now));
                }
                last = now;
            }
        }

        private static List<String> tables(Statement s) throws SQLException {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : connections.values()) {
                c.close();
            }
        }
    }
}
