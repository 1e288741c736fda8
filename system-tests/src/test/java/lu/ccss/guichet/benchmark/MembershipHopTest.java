package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.embedded.EmbeddedPostgresServer;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.launcher.LauncherConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The membership hop read from a real PostgreSQL with the two tables as the services' migrations make them. */
class MembershipHopTest {

    @Test
    void aSpacesMemberAddedIsTimedFromItsOutboxRowToTheCertificationServicesProcessedRow() throws Exception {
        UUID known = UUID.randomUUID();
        UUID notYetKnown = UUID.randomUUID();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral()) {
            server.createDatabase("space", LauncherConfig.DB_USER, LauncherConfig.DB_PASSWORD);
            server.createDatabase("certification", LauncherConfig.DB_USER, LauncherConfig.DB_PASSWORD);
            sql(server, "space", "create table outbox_event (event_id uuid, aggregate_id varchar(128), "
                    + "event_type varchar(128), occurred_at timestamptz)");
            sql(server, "certification", "create table processed_event (consumer varchar(100), "
                    + "event_id varchar(200), event_type varchar(128), processed_at timestamptz)");
            String added = EventTypes.MEMBER_ADDED.type();
            String knownEvent = UUID.randomUUID().toString();
            sql(server, "space", "insert into outbox_event values ('" + knownEvent + "', '" + known + "', '" + added
                    + "', '2026-12-04T10:00:00Z'), ('" + UUID.randomUUID() + "', '" + known + "', '"
                    + EventTypes.SPACE_CREATED.type() + "', '2026-12-04T09:00:00Z'), ('" + UUID.randomUUID() + "', '"
                    + notYetKnown + "', '" + added + "', '2026-12-04T10:00:00Z')");
            sql(server, "certification", "insert into processed_event values ('membership-projection', '"
                    + knownEvent + "', '" + added + "', '2026-12-04T10:00:00.250Z'), ('another-consumer', '"
                    + knownEvent + "', '" + added + "', '2026-12-04T10:00:09Z')");

            Latencies hops = new Latencies();
            MembershipHop.record(new PlatformData(LauncherConfig.builder().ports(server.port(), 0, 0, 0).create()),
                    List.of(known, notYetKnown), hops);

            Latencies.Summary hop = hops.summaries().get(MembershipHop.NAME);
            assertEquals(1, hop.count(), "only the space whose MemberAdded the projection applied");
            assertEquals(250, hop.p50(), 1, "occurred_at → processed_at of the membership projection's row");
        }
    }

    private static void sql(EmbeddedPostgresServer server, String database, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), LauncherConfig.DB_USER,
                LauncherConfig.DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
