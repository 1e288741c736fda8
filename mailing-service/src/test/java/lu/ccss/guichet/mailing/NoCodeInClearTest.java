package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.awaitLetters;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders, prints and posts a request's letters, feeds a forged event to the dead-letter path, and then looks for
 * every code in every text and binary column of every table, in every record (value, key, headers) of every topic,
 * and in every log line.
 */
@QuarkusTest
class NoCodeInClearTest {

    private final List<String> log = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ').append(message);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            synchronized (log) {
                log.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noCodeIsEverInClearInTheDatabaseOnTheBrokerOrInTheLog() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber & Associés S.A.", CodeLettersTest.WEBER, Domain.BILLING)
                .withAgent("Lohnbüro Klein GmbH", CodeLettersTest.KLEIN, Domain.AFFILIATIONS, Domain.REMUNERATIONS);
        request.publish();
        List<Map<String, Object>> letters = awaitLetters(request.requestId, 3);
        // A forged event (sealed for another key) takes the dead-letter path, with its error log.
        CodesIssuedFixture forged = CodesIssuedFixture.request("fr");
        forged.publish(forged.event(CodesIssuedFixture.OTHER_PUBLIC_KEY, CodesIssuedFixture.KEY_ID));
        CodeLettersTest.awaitDeadLetter(forged.requestId);

        List<String> codes = new ArrayList<>(request.allCodes());
        codes.addAll(forged.allCodes());
        List<String> needles = new ArrayList<>();
        for (String code : codes) {
            needles.add(code);
            needles.add(code.replace("-", ""));
        }
        // The codes are really in the letters (so finding none elsewhere means something).
        StringBuilder printed = new StringBuilder();
        letters.forEach(l -> printed.append(text(MailingApi.printed(l.get("id")))));
        request.allCodes().forEach(code -> assertThat(printed.toString(), containsString(code)));

        // While the letters wait for the post, their PDFs are stored, encrypted.
        assertEquals(3, count("select count(*) from letter where request_id = ?::uuid and pdf_encrypted is not null",
                request.requestId.toString()));
        assertNoneInDatabase(needles);
        assertTrue(databaseHolds(request.reference), "the scan finds what is there");

        String batch = given().auth().oauth2(operator()).when().post("/api/print-batches").then().statusCode(201)
                .extract().header("Location").replaceAll(".*/", "");
        // The print provider downloads the codes (sealed): that path, and its audit row, are scanned too.
        given().auth().oauth2(MailingApi.printProvider()).when().get("/api/print-batches/" + batch + "/archive")
                .then().statusCode(200);
        given().auth().oauth2(MailingApi.printProvider()).when().get("/api/letters/" + letters.get(0).get("id")
                + "/printable").then().statusCode(200);
        assertTrue(count("select count(*) from code_download where batch_id = ?::uuid", batch) == 2);
        for (Map<String, Object> letter : letters) {
            given().auth().oauth2(operator()).when().post("/api/letters/" + letter.get("id") + "/posted")
                    .then().statusCode(200);
        }
        for (Map<String, Object> letter : letters) {
            TopicReader.await(Topics.MAILING, r -> letter.get("id").equals(r.key()), 1, Duration.ofSeconds(30));
        }
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid and pdf_encrypted is not null",
                request.requestId.toString()));

        assertNoneInDatabase(needles);
        assertNoneOnTheBroker(needles);
        assertTrue(log.stream().anyMatch(l -> l.contains(letters.get(0).get("id").toString())),
                "the log capture sees the service's log");
        synchronized (log) {
            for (String line : log) {
                for (String needle : needles) {
                    assertFalse(line.contains(needle), "a code in the log: " + line);
                }
            }
        }
    }

    private static void assertNoneInDatabase(List<String> needles) throws SQLException {
        for (String[] column : textColumns()) {
            try (Connection c = MailingApi.db(); Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("select \"" + column[1] + "\" from \"" + column[0] + "\"")) {
                while (rows.next()) {
                    byte[] value = "bytea".equals(column[2]) ? rows.getBytes(1)
                            : rows.getString(1) == null ? null : rows.getString(1).getBytes(StandardCharsets.UTF_8);
                    if (value == null) {
                        continue;
                    }
                    for (String needle : needles) {
                        assertFalse(contains(value, needle.getBytes(StandardCharsets.UTF_8)),
                                "a code in clear in " + column[0] + "." + column[1]);
                    }
                }
            }
        }
    }

    private static boolean databaseHolds(String text) throws SQLException {
        for (String[] column : textColumns()) {
            if (count("select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\"::text like ?",
                    "%" + text + "%") > 0) {
                return true;
            }
        }
        return false;
    }

    /** Table, column and type of every text-like or binary column of the service's schema. */
    private static List<String[]> textColumns() throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Connection c = MailingApi.db(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, column_name, data_type "
                     + "from information_schema.columns where table_schema = 'public' and data_type in "
                     + "('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')")) {
            while (rows.next()) {
                columns.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        assertTrue(columns.stream().anyMatch(c -> c[0].equals("letter") && c[1].equals("pdf_encrypted")));
        assertTrue(columns.stream().anyMatch(c -> c[0].equals("outbox_event") && c[1].equals("payload")));
        return columns;
    }

    private static void assertNoneOnTheBroker(List<String> needles) {
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Topics.SPACE, Topics.CERTIFICATION,
                Topics.MANDATE, Topics.MAILING, Topics.EDELIVERY, CodeLettersTest.DEAD_LETTERS);
        assertTrue(records.stream().anyMatch(r -> r.topic().equals(CodeLettersTest.DEAD_LETTERS)));
        assertTrue(records.stream().anyMatch(r -> r.topic().equals(Topics.MANDATE)));
        for (ConsumerRecord<String, String> record : records) {
            StringBuilder all = new StringBuilder().append(record.key()).append(' ').append(record.value());
            for (Header header : record.headers()) {
                all.append(' ').append(header.key()).append('=')
                        .append(new String(header.value() == null ? new byte[0] : header.value(),
                                StandardCharsets.UTF_8));
            }
            for (String needle : needles) {
                assertFalse(all.toString().contains(needle), "a code in clear on topic " + record.topic());
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
