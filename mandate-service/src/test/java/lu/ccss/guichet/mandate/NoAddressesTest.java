package lu.ccss.guichet.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.TestDatabase.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 16, item 3: the mandate-service keeps no postal address and publishes none. CodesIssued (v2) names each
 * letter's recipient by registration number, and the mailing-service takes the address from the employer register.
 * A RequestTransmitted v2, published before the upgrade with the addresses and e-mails v3 dropped, is still issued
 * its codes, and nothing of those addresses or e-mails is kept or passed on.
 */
@QuarkusTest
class NoAddressesTest {

    private static final PostalAddress ELSEWHERE = new PostalAddress("Rue Ailleurs", "99", "L-9999", "Nulle-Part",
            "LU");

    @Test
    void codesIssuedCarriesNoAddressAndTheServiceKeepsNone() throws Exception {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent weber = Scenario.agent("Fiduciaire Weber", Domain.BILLING);
        UUID requestId = Scenario.transmit(employer, List.of(weber));

        ConsumerRecord<String, String> record = Scenario.events(requestId.toString(), EventTypes.CODES_ISSUED, 1)
                .get(0);
        assertEquals("lu.ccss.mandate.codes-issued.v2", TopicReader.header(record, "ce_type"));
        assertEquals(List.of(), contactFields(Scenario.JSON.readTree(record.value()), ""), record.value());
        assertEquals(List.of(), texts("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and table_name in ('code_request', 'request_agent') and column_name "
                + "in ('street', 'house_number', 'postcode', 'locality', 'country')"));
    }

    @Test
    void aRequestTransmittedV2PublishedBeforeTheUpgradeIsStillIssuedItsCodesWithoutItsAddresses() throws Exception {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent weber = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS);
        UUID requestId = Scenario.transmitV2(employer, List.of(weber), ELSEWHERE);

        ConsumerRecord<String, String> record = Scenario.events(requestId.toString(), EventTypes.CODES_ISSUED, 1)
                .get(0);
        CodesIssued issued = Scenario.read(record.value(), CodesIssued.class);
        assertEquals(employer, issued.employer());
        assertEquals(List.of(RecipientKind.EMPLOYER, RecipientKind.AGENT),
                issued.letters().stream().map(l -> l.recipientKind()).toList());
        assertEquals(weber.registrationNumber(), issued.letters().get(1).agentRegistrationNumber());
        assertEquals(List.of(), contactFields(Scenario.JSON.readTree(record.value()), ""), record.value());
        for (String kept : List.of(ELSEWHERE.street(), "mandats@example.lu", "claire@example.lu", "621 123 456")) {
            assertEquals(0, count("select count(*) from outbox_event o where strpos(o::text, '" + kept + "') > 0"),
                    kept + " was passed on");
            assertEquals(0, count("select count(*) from code_request r where strpos(r::text, '" + kept + "') > 0"),
                    kept + " was kept");
            assertEquals(0, count("select count(*) from request_agent a where strpos(a::text, '" + kept + "') > 0"),
                    kept + " was kept");
        }
        assertEquals(1, count("select count(*) from code_request where request_id = '" + requestId + "'"));
    }

    /** Paths of the fields named like a postal address or a personal contact, at any depth. */
    private static List<String> contactFields(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String name = e.getKey().toLowerCase(Locale.ROOT);
                if (name.contains("address") || name.contains("email") || name.contains("phone")
                        || name.equals("street") || name.equals("postcode")) {
                    found.add(path + e.getKey());
                }
                found.addAll(contactFields(e.getValue(), path + e.getKey() + "."));
            });
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(contactFields(item, path + "[].")));
        }
        return found;
    }
}
