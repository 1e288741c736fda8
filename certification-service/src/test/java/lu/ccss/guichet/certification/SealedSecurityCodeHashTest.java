package lu.ccss.guichet.certification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.CertificationEvents.RequestTransmitted;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.spaceWithMember;
import static lu.ccss.guichet.certification.Fixtures.transmitted;
import static lu.ccss.guichet.testing.TestDatabase.connect;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The holder's security-code hash leaves this service only sealed for the mandate-service (security review, finding
 * 2): no Argon2id string in the RequestTransmitted record, in the outbox table, nor in any row of the request once it
 * is transmitted; the mandate-service's (test) private key opens the box and the hash verifies the holder's code.
 */
@QuarkusTest
class SealedSecurityCodeHashTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String ARGON2ID = "$argon2id$";
    private static final String CODE = "Sealed-42a";
    private static final PrivateKey MANDATE_KEY =
            KeyMaterial.privateKey("src/test/resources/keys/security-code-test-private.pem");

    @Test
    void theHashTravelsAndStaysOnlySealedForTheMandateService() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = transmitted(user, space, CODE);

        ConsumerRecord<String, String> record = TopicReader.await(Topics.CERTIFICATION, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals(EventTypes.REQUEST_TRANSMITTED.type(), TopicReader.header(record, "ce_type"));
        assertEquals("lu.ccss.certification.request-transmitted.v3", EventTypes.REQUEST_TRANSMITTED.type());
        assertFalse(record.value().contains(ARGON2ID), record.value());
        assertFalse(record.value().contains("argon2"), record.value());
        assertFalse(record.value().contains("\"securityCodeHash\""), record.value());
        for (Header header : record.headers()) {
            assertFalse(new String(header.value(), StandardCharsets.UTF_8).contains(ARGON2ID), header.key());
        }

        // Only the mandate-service's private key opens it, for this request; the hash checks the holder's code.
        RequestTransmitted event = MAPPER.readValue(record.value(), RequestTransmitted.class);
        assertEquals("test", event.sealedSecurityCodeHash().keyId());
        String hash = SecurityCodeHashSeal.open(event.sealedSecurityCodeHash(), UUID.fromString(id), MANDATE_KEY);
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertTrue(Argon2idHasher.isAcceptable(hash));
        assertTrue(Argon2idHasher.verify(hash, CODE), "the sealed hash verifies the holder's code");
        assertFalse(Argon2idHasher.verify(hash, CODE + "x"));

        // The outbox holds the sealed form only (no row of it ever holds an Argon2id string), and no row of any
        // table that names the transmitted request holds one either.
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
        assertEquals(0, count("select count(*) from outbox_event o where strpos(o::text, '" + ARGON2ID + "') > 0"));
        assertEquals(List.of(), tablesWithARowHolding(id, ARGON2ID));
        assertFalse(tablesWithARowHolding(id, "Schmit").isEmpty(), "the scan sees the request's rows");
    }

    /** Tables with a row (as text) holding both {@code requestId} and {@code needle}. */
    private static List<String> tablesWithARowHolding(String requestId, String needle) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect()) {
            List<String> all = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            assertTrue(all.contains("certification_request") && all.contains("outbox_event"), all.toString());
            for (String table : all) {
                try (PreparedStatement query = c.prepareStatement("select count(*) from \"" + table + "\" t where "
                        + "strpos(t::text, ?) > 0 and strpos(t::text, ?) > 0")) {
                    query.setString(1, requestId);
                    query.setString(2, needle);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            tables.add(table);
                        }
                    }
                }
            }
        }
        return tables;
    }
}
