package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After codes are issued, posted, mistyped, failed, locked, redeemed, revoked, returned and reissued, no code and
 * no holder security code is found in clear in any text column of any table, in any record (key, value, headers) of
 * any topic, or in any log line of the service.
 */
@QuarkusTest
class NoPlaintextCodesTest {

    private static final Logger LOG = Logger.getLogger(NoPlaintextCodesTest.class);
    private static final List<String> ALL_TOPICS = List.of(Topics.SPACE, Topics.CERTIFICATION, Topics.MANDATE,
            Topics.MAILING, Topics.EDELIVERY);

    @Test
    void noCodeIsReadableInAnyTableTopicOrLogLine() throws Exception {
        LogCapture logs = LogCapture.start();
        try {
            runEveryCodePath();
            LOG.info("no-plaintext-scan marker");
        } finally {
            logs.stop();
        }

        Set<String> secrets = everyIssuedCode();
        assertTrue(secrets.size() > 50, "the scan knows the codes it looks for: " + secrets.size());
        secrets.add(HOLDER_SECURITY_CODE);

        Map<String, String> columns = everyTextColumn();
        assertTrue(columns.keySet().containsAll(Set.of("issued_code.lookup_hmac", "outbox_event.payload",
                "audit_entry.detail", "code_request.holder_security_hash")), columns.keySet().toString());
        columns.forEach((column, text) -> assertNoSecret(secrets, text, "column " + column));

        List<ConsumerRecord<String, String>> records = TopicReader.readAll(ALL_TOPICS.toArray(String[]::new));
        assertTrue(records.stream().anyMatch(r -> EventTypes.CODES_ISSUED.type().equals(
                TopicReader.header(r, "ce_type"))));
        for (ConsumerRecord<String, String> r : records) {
            StringBuilder text = new StringBuilder().append(r.key()).append('\n').append(r.value());
            for (Header h : r.headers()) {
                text.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
            assertNoSecret(secrets, text.toString(), "record " + r.topic() + "/" + r.partition() + "@" + r.offset());
        }

        String logText = String.join("\n", logs.lines());
        assertTrue(logText.contains("no-plaintext-scan marker"), "the log capture works");
        assertTrue(logs.lines().stream().filter(l -> l.startsWith("lu.ccss.guichet.mandate.service")).count() >= 10,
                "the log capture saw the service at work");
        assertNoSecret(secrets, logText, "the log");
    }

    private static void runEveryCodePath() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS, Domain.BILLING);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String holder = Tokens.newUser();
        UUID holderSpace = Scenario.spaceOf(holder);
        String billing = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);

        certify(holder, holderSpace, Domain.BILLING, Capacity.HOLDER, billing.substring(0, 13) + "Z", "x")
                .then().statusCode(400);
        for (int i = 0; i < 5; i++) {
            certify(holder, holderSpace, Domain.EMPLOYER_DATA, Capacity.HOLDER,
                    issued.code(CodeKind.HOLDER_ACCESS, Domain.EMPLOYER_DATA), "Wrong-" + i).then().statusCode(422);
        }
        certify(holder, holderSpace, Domain.BILLING, Capacity.HOLDER, billing, HOLDER_SECURITY_CODE)
                .then().statusCode(201);
        certify(holder, holderSpace, Domain.AFFILIATIONS, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.AFFILIATIONS), HOLDER_SECURITY_CODE).then().statusCode(201);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String security = issued.code(CodeKind.AGENT_SECURITY, null);
        certify(accountant, agentSpace, Domain.BILLING, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, Domain.BILLING, agent.registrationNumber()), security)
                .then().statusCode(201);
        certify(accountant, agentSpace, Domain.AFFILIATIONS, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, Domain.AFFILIATIONS, agent.registrationNumber()),
                CodeFormat.normalise(security).toLowerCase()).then().statusCode(201);
        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON)
                .body(Map.of("revocationCode", issued.code(CodeKind.HOLDER_REVOCATION, Domain.BILLING)))
                .when().post("/api/revocations").then().statusCode(200);

        Scenario.Issued other = Scenario.issueAndPost(TestData.newRegistrationNumber(), Scenario.agent("Payroll",
                Domain.REMUNERATIONS));
        Scenario.returned(other.employerLetter().codeLetterId(), other.event().requestId());
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/operator/requests/" + other.event().requestId() + "/reissue")
                .then().statusCode(200);
        Scenario.awaitCodesIssued(other.event().requestId(), 2);
        given().auth().oauth2(Tokens.operator("op-1")).queryParam("employer", employer)
                .when().get("/api/operator/audit").then().statusCode(200);
        TestDatabase.sleep(1_000); // let the relay publish the last events before the topics are read
        Scenario.postAll(issued, Instant.now()); // repeated postings are ignored
    }

    /** Every code any CodesIssued on the bus ever carried, opened with the mailing-service's test key. */
    private static Set<String> everyIssuedCode() {
        Set<String> codes = new LinkedHashSet<>();
        TopicReader.readAll(Topics.MANDATE).stream()
                .filter(r -> EventTypes.CODES_ISSUED.type().equals(TopicReader.header(r, "ce_type")))
                .map(r -> Scenario.read(r.value(), CodesIssued.class))
                .forEach(issued -> Scenario.Issued.of(issued).allCodes().forEach(code -> {
                    codes.add(code);
                    codes.add(CodeFormat.normalise(code));
                }));
        return codes;
    }

    private static Map<String, String> everyTextColumn() throws SQLException {
        Map<String, String> texts = new java.util.TreeMap<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name, column_name from information_schema.columns "
                    + "where table_schema = 'public' and data_type in ('text', 'character varying', 'character', "
                    + "'json', 'jsonb')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                StringBuilder all = new StringBuilder();
                try (ResultSet rs = s.executeQuery("select \"" + column[1] + "\"::text from \"" + column[0] + "\"")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
                texts.put(column[0] + "." + column[1], all.toString());
            }
        }
        assertEquals(0, texts.keySet().stream().filter(k -> k.startsWith("issued_code.code")).count());
        return texts;
    }

    private static void assertNoSecret(Set<String> secrets, String text, String where) {
        if (text == null) {
            return;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                throw new AssertionError("A code in clear in " + where);
            }
        }
    }

    /** Everything logged through the root logger (JBoss LogManager) while it runs. */
    static final class LogCapture extends Handler {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        static LogCapture start() {
            LogCapture capture = new LogCapture();
            capture.setLevel(Level.ALL);
            java.util.logging.Logger.getLogger("").addHandler(capture);
            return capture;
        }

        void stop() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                    : new java.util.logging.SimpleFormatter().formatMessage(record);
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
