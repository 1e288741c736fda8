package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.connect;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a full wizard run with a distinctive security code (and a few failed attempts to type it), the code is in
 * no database column, no record on any topic, no log line, no API answer and no PDF.
 */
@QuarkusTest
class NoPlaintextSecurityCodeTest {

    private static final String CODE = "Qx7#Zr!9Kw";
    private static final String DEAD_LETTER = "guichet.certification.dead-letter";

    /** Every log record of the application while it runs, as text. */
    static final class CapturedLog extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
            line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
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

    @Test
    void theSecurityCodeIsNowhereInClear() throws Exception {
        CapturedLog log = new CapturedLog();
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("lu.ccss");
        Level ourLevel = ours.getLevel();
        root.addHandler(log);
        ours.setLevel(Level.FINE);
        List<String> answers = new ArrayList<>();
        String id;
        String reference;
        String user = newUser();
        try {
            UUID space = spaceWithMember(user);
            id = openDraft(user, space);
            put(user, id, "information", acknowledged()).statusCode(200);
            put(user, id, "warning", acknowledged()).statusCode(200);
            put(user, id, "filer", filer()).statusCode(200);
            put(user, id, "employer", employer(EMPLOYER, "fr")).statusCode(200);
            put(user, id, "agents", twoAgents()).statusCode(200);
            answers.add(put(user, id, "security-code", Map.of("code", CODE, "confirmation", CODE + "x"))
                    .statusCode(400).extract().asString());
            answers.add(put(user, id, "security-code", Map.of("code", CODE + "x", "confirmation", CODE + "x"))
                    .statusCode(400).extract().asString());
            answers.add(put(user, id, "security-code", Map.of("code", CODE, "confirmation", "Other-123"))
                    .statusCode(400).extract().asString());
            answers.add(put(user, id, "security-code", "{\"code\": \"" + CODE + "\", \"confirmation\": [\"" + CODE
                    + "\"]}").statusCode(400).extract().asString());
            answers.add(put(user, id, "security-code", securityCode(CODE)).statusCode(200).extract().asString());
            answers.add(get(user, id).statusCode(200).extract().asString());
            answers.add(post(user, id, "confirm").statusCode(200).extract().asString());
            answers.add(post(user, id, "signature").statusCode(200).extract().asString());
            reference = post(user, id, "transmit").statusCode(200).extract().path("reference");
            answers.add(get(user, id).statusCode(200).extract().asString());
            answers.add(given().auth().oauth2(Tokens.operator("op")).queryParam("state", "TRANSMITTED")
                    .get("/api/operator/certification-requests").then().statusCode(200).extract().asString());
            TopicReader.await(Topics.CERTIFICATION, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        } finally {
            root.removeHandler(log);
            ours.setLevel(ourLevel);
        }

        // The API never answered with it.
        for (String answer : answers) {
            assertFalse(answer.contains(CODE), answer);
        }

        // No column of any table holds it (and the same scan does find what is stored in clear).
        assertEquals(List.of(), columnsContaining(CODE));
        assertFalse(columnsContaining("Boulangerie-Pâtisserie Schmit").isEmpty(), "the scan sees stored text");
        assertFalse(columnsContaining(reference).isEmpty());

        // No record on any topic: key, value or header.
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(Topics.SPACE, Topics.CERTIFICATION,
                Topics.MANDATE, Topics.MAILING, Topics.EDELIVERY, DEAD_LETTER);
        assertTrue(records.stream().anyMatch(r -> r.value() != null && r.value().contains(reference)),
                "the scan sees the transmitted request");
        for (ConsumerRecord<String, String> record : records) {
            assertFalse(String.valueOf(record.key()).contains(CODE));
            assertFalse(String.valueOf(record.value()).contains(CODE), record.topic() + " " + record.offset());
            for (Header header : record.headers()) {
                assertFalse(new String(header.value(), StandardCharsets.UTF_8).contains(CODE), header.key());
            }
        }

        // No log line, at any level the application logged while the code travelled.
        assertTrue(log.lines.stream().anyMatch(line -> line.contains(reference)), "the log was captured");
        for (String line : log.lines) {
            assertFalse(line.contains(CODE), line);
        }

        // Not in the documents either (their text is compressed in the file: read it out).
        for (byte[] pdf : List.of(pdfColumn("unsigned_pdf", id), pdfColumn("signed_pdf", id))) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains(reference));
                assertFalse(text.contains(CODE));
            }
        }
    }

    /** "table.column" of every column, of every table, whose value contains {@code needle}. */
    static List<String> columnsContaining(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = connect()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select table_name, column_name, data_type from "
                    + "information_schema.columns where table_schema = 'public' order by table_name, column_name")) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertTrue(columns.size() > 50, "every column of every table: " + columns.size());
            for (String[] column : columns) {
                String condition = "bytea".equals(column[2])
                        ? "position(convert_to(?, 'UTF8') in \"" + column[1] + "\") > 0"
                        : "strpos(\"" + column[1] + "\"::text, ?) > 0";
                try (PreparedStatement query = c.prepareStatement("select count(*) from \"" + column[0]
                        + "\" where " + condition)) {
                    query.setString(1, needle);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static byte[] pdfColumn(String column, String id) throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select " + column
                + " from request_document where request_id = '" + id + "'")) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
