package lu.ccss.guichet.example.subscriber;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CertificationGranted;
import lu.ccss.guichet.events.MandateEvents.MandateRevoked;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The subscriber's own table of who may act for whom ({@code may_act_for}: one row per live certification), the
 * certifications it saw end ({@code ended_certification}), and the events it applied ({@code processed_event}). Every
 * method works in the caller's transaction.
 */
public final class MandateTable {

    private MandateTable() {
    }

    /** Creates the tables if they are missing (a real subscriber would use Flyway or Liquibase). */
    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists may_act_for (
                        certification_id uuid primary key,
                        space_id uuid not null,
                        employer varchar(13) not null,
                        domain varchar(32) not null,
                        capacity varchar(16) not null,
                        granted_at timestamptz not null)""");
            s.execute("create index if not exists may_act_for_employer on may_act_for (employer, domain)");
            s.execute("""
                    create table if not exists ended_certification (
                        certification_id uuid primary key,
                        reason varchar(32) not null,
                        ended_at timestamptz not null)""");
            s.execute("""
                    create table if not exists processed_event (
                        event_id uuid primary key,
                        seq bigserial not null,
                        event_type varchar(128) not null,
                        record_key varchar(64) not null,
                        processed_at timestamptz not null default now())""");
        }
    }

    /**
     * Records the event id; false if it was already there (a redelivery: apply nothing). Run first, in the same
     * transaction as the effect, so that the effect and the record of it commit or roll back together.
     */
    public static boolean firstDelivery(Connection c, UUID eventId, String type, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into processed_event (event_id, event_type, record_key) "
                + "values (?, ?, ?) on conflict (event_id) do nothing")) {
            ps.setObject(1, eventId);
            ps.setString(2, type);
            ps.setString(3, key);
            return ps.executeUpdate() == 1;
        }
    }

    /** A certification started; ignored if this subscriber already saw it end (a grant replayed after its end). */
    public static void grant(Connection c, CertificationGranted e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into may_act_for (certification_id, space_id, employer, domain, capacity, granted_at)
                select ?, ?, ?, ?, ?, ?
                where not exists (select 1 from ended_certification where certification_id = ?)
                on conflict (certification_id) do nothing""")) {
            ps.setObject(1, e.certificationId());
            ps.setObject(2, e.spaceId());
            ps.setString(3, e.employer());
            ps.setString(4, e.domain().name());
            ps.setString(5, e.capacity().name());
            ps.setTimestamp(6, Timestamp.from(e.grantedAt()));
            ps.setObject(7, e.certificationId());
            ps.executeUpdate();
        }
    }

    /** A certification ended, for whatever reason: it no longer lets its space act, and never will again. */
    public static void revoke(Connection c, MandateRevoked e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ended_certification (certification_id, reason, "
                + "ended_at) values (?, ?, ?) on conflict (certification_id) do nothing")) {
            ps.setObject(1, e.certificationId());
            ps.setString(2, e.reason().name());
            ps.setTimestamp(3, Timestamp.from(e.revokedAt()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("delete from may_act_for where certification_id = ?")) {
            ps.setObject(1, e.certificationId());
            ps.executeUpdate();
        }
    }

    /** Whether {@code spaceId} may act for {@code employer} in {@code domain} (as holder or as agent). */
    public static boolean mayAct(Connection c, UUID spaceId, String employer, Domain domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from may_act_for where space_id = ? and employer = ? and domain = ?")) {
            ps.setObject(1, spaceId);
            ps.setString(2, employer);
            ps.setString(3, domain.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The spaces that may act for {@code employer} in {@code domain}. */
    public static List<UUID> spaces(Connection c, String employer, Domain domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select space_id from may_act_for where employer = ? and domain = ? order by granted_at")) {
            ps.setString(1, employer);
            ps.setString(2, domain.name());
            List<UUID> spaces = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    spaces.add(rs.getObject(1, UUID.class));
                }
            }
            return spaces;
        }
    }
}
