package lu.ccss.guichet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on the test database, for tests that check the rows themselves. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), PostgresTestResource.USER,
                PostgresTestResource.PASSWORD);
    }

    /** The first column of the first row as a number (a {@code count(*)} query). */
    public static long count(String sql) {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String text(String sql) {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row as text. */
    public static List<String> texts(String sql) {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most 30 s) until the count query answers {@code expected}; fails with the last answer otherwise. */
    public static void awaitCount(String countSql, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long found = count(countSql);
        while (found != expected && System.nanoTime() < deadline) {
            sleep(50);
            found = count(countSql);
        }
        if (found != expected) {
            throw new AssertionError("Expected " + expected + " from [" + countSql + "], found " + found);
        }
    }

    /** Sleeps, keeping the thread's interrupt. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
