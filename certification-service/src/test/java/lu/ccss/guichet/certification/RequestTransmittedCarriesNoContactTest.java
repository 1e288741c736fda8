package lu.ccss.guichet.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.AGENT_A;
import static lu.ccss.guichet.certification.Fixtures.AGENT_ADDRESS;
import static lu.ccss.guichet.certification.Fixtures.EMPLOYER;
import static lu.ccss.guichet.certification.Fixtures.EMPLOYER_ADDRESS;
import static lu.ccss.guichet.certification.Fixtures.spaceWithMember;
import static lu.ccss.guichet.certification.Fixtures.transmitted;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, item 3: RequestTransmitted (v3) on the shared certification topic carries no postal address and no
 * personal contact: not the employer's nor the agents' registered addresses, not the agents' e-mails, not the filer's
 * e-mail or phone. It still names every party by registration number, which is all the mandate-service needs.
 */
@QuarkusTest
class RequestTransmittedCarriesNoContactTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTransmittedRecordAndItsOutboxRowHoldNoAddressNorEMailNorPhone() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = transmitted(user, space, "Contact-42");

        ConsumerRecord<String, String> record = TopicReader.await(Topics.CERTIFICATION, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertEquals(EventTypes.REQUEST_TRANSMITTED.type(), TopicReader.header(record, "ce_type"));
        String value = record.value();
        JsonNode payload = JSON.readTree(value);

        List<String> contactFields = new ArrayList<>();
        collect(payload, "", contactFields);
        assertEquals(List.of(), contactFields, "fields holding an address or a contact: " + value);
        // What the filer typed and the register holds is known to this service, but not sent.
        for (String secret : List.of(EMPLOYER_ADDRESS.street(), EMPLOYER_ADDRESS.postcode(), AGENT_ADDRESS.street(),
                AGENT_ADDRESS.postcode(), "claire.schmit@", "@fiduciaireweber.lu", "@", "621 123 456", "+352")) {
            assertFalse(value.contains(secret), "the record holds " + secret + ": " + value);
        }
        assertEquals(0, count("select count(*) from outbox_event o where aggregate_id = '" + id
                + "' and (strpos(o::text, '" + AGENT_ADDRESS.postcode() + "') > 0 or strpos(o::text, '@') > 0)"));

        // What the mandate-service needs is still there: the parties by registration number, names, language.
        assertEquals(EMPLOYER, payload.path("employer").path("registrationNumber").asText());
        assertEquals("fr", payload.path("employer").path("language").asText());
        assertEquals("Schmit", payload.path("filer").path("lastName").asText());
        assertEquals(AGENT_A, payload.path("agents").get(0).path("registrationNumber").asText());
        assertTrue(payload.path("agents").get(0).path("domains").size() > 0);
    }

    /** Paths of every field named like a postal address or a personal contact, at any depth. */
    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.contains("address") || name.contains("email") || name.contains("phone")
                        || name.equals("street") || name.equals("postcode")) {
                    out.add(path + e.getKey());
                }
                collect(e.getValue(), path + e.getKey() + ".", out);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[].", out));
        }
    }
}
