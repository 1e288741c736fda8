package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.TestDatabase.sleep;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The other services' events, published through the real broker as the mandate-service and the mailing-service
 * publish them: the agent rule ("the employer files, never its agent") and the request's timeline.
 */
@QuarkusTest
class MandateAndMailingEventsTest {

    private static void granted(UUID certificationId, UUID spaceId, String employer, String domain, String capacity,
                                String requestId, String eventId) {
        TopicWriter.publish(EventTypes.CERTIFICATION_GRANTED, employer, eventId, new MandateEvents.CertificationGranted(
                certificationId, spaceId, employer, Domain.valueOf(domain), Capacity.valueOf(capacity),
                requestId == null ? null : UUID.fromString(requestId), Instant.now()));
    }

    private static void revoked(UUID certificationId, UUID spaceId, String employer, String domain) {
        TopicWriter.publish(EventTypes.MANDATE_REVOKED, employer, new MandateEvents.MandateRevoked(certificationId,
                spaceId, employer, Domain.valueOf(domain), Capacity.AGENT, MandateEvents.RevocationReason.WITHDRAWN,
                null, Instant.now()));
    }

    private static void awaitMandate(UUID certificationId, boolean active) {
        awaitCount("select count(*) from mandate where capacity = 'AGENT' and mandate_id = '" + certificationId + "' and "
                + "revoked_at is " + (active ? "null" : "not null"), 1);
    }

    @Test
    void theEmployerFilesNeverItsAgent() {
        String accountant = newUser();
        UUID agentSpace = spaceWithMember(accountant);
        UUID mandate = UUID.randomUUID();
        granted(mandate, agentSpace, EMPLOYER, "BILLING", "AGENT", null, UUID.randomUUID().toString());
        awaitMandate(mandate, true);

        String id = openDraft(accountant, agentSpace);
        put(accountant, id, "employer", employer(EMPLOYER, "fr")).statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("acts as agent"))
                .body("detail", containsString("ask the employer to file it"));
        get(accountant, id).statusCode(200).body("steps.employer", nullValue());
        // Another employer is fine for the same space.
        put(accountant, id, "employer", employer(OTHER_EMPLOYER, "fr")).statusCode(200);

        revoked(mandate, agentSpace, EMPLOYER, "BILLING");
        awaitMandate(mandate, false);
        put(accountant, id, "employer", employer(EMPLOYER, "fr")).statusCode(200);
    }

    @Test
    void aGrantDeliveredAfterItsRevocationDoesNotRestoreTheMandate() {
        String accountant = newUser();
        UUID agentSpace = spaceWithMember(accountant);
        UUID mandate = UUID.randomUUID();
        revoked(mandate, agentSpace, EMPLOYER, "AFFILIATIONS");
        awaitMandate(mandate, false);
        granted(mandate, agentSpace, EMPLOYER, "AFFILIATIONS", "AGENT", null, UUID.randomUUID().toString());
        awaitCount("select count(*) from mandate where capacity = 'AGENT' and mandate_id = '" + mandate
                + "' and granted_at is not null", 1);
        String id = openDraft(accountant, agentSpace);
        put(accountant, id, "employer", employer(EMPLOYER, "fr")).statusCode(200);
    }

    @Test
    void aHolderCertificationDoesNotCountAsAnAgentMandate() {
        String holder = newUser();
        UUID space = spaceWithMember(holder);
        String id = openDraft(holder, space);
        granted(UUID.randomUUID(), space, EMPLOYER, "BILLING", "HOLDER", id, UUID.randomUUID().toString());
        // Handled once its timeline line is there.
        awaitCount("select count(*) from request_timeline where request_id = '" + id
                + "' and kind = 'DOMAIN_CERTIFIED'", 1);
        put(holder, id, "employer", employer(EMPLOYER, "fr")).statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(0,
                count("select count(*) from mandate where capacity = 'AGENT' and space_id = '" + space + "'"));
    }

    @Test
    void aMandateThatArrivesAfterTheEmployerStepStopsConfirmation() {
        String accountant = newUser();
        UUID agentSpace = spaceWithMember(accountant);
        String id = completeDraft(accountant, agentSpace, EMPLOYER, "fr", "Agent-2026");
        UUID mandate = UUID.randomUUID();
        granted(mandate, agentSpace, EMPLOYER, "REMUNERATIONS", "AGENT", null, UUID.randomUUID().toString());
        awaitMandate(mandate, true);
        post(accountant, id, "confirm").statusCode(403).body("detail", containsString("REMUNERATIONS"));
        get(accountant, id).statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void theTimelineShowsCodesLettersAndCertifiedDomainsOnce() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = transmitted(user, space, "Timeline-1");
        String agentSpace = UUID.randomUUID().toString();

        String codesIssued = UUID.randomUUID().toString();
        String codesJson = "{\"requestId\":\"" + id + "\",\"reference\":\"CCSS-2026-000001\",\"issuanceId\":\""
                + UUID.randomUUID() + "\",\"employer\":\"" + EMPLOYER + "\",\"language\":\"fr\",\"letters\":["
                + "{\"codeLetterId\":\"" + UUID.randomUUID() + "\",\"recipientKind\":\"EMPLOYER\",\"recipientName\":"
                + "\"Boulangerie\",\"agentRegistrationNumber\":null,\"sealedCodes\":null},"
                + "{\"codeLetterId\":\"" + UUID.randomUUID() + "\",\"recipientKind\":\"AGENT\",\"recipientName\":"
                + "\"Weber\",\"agentRegistrationNumber\":\"" + AGENT_A + "\",\"sealedCodes\":null}],"
                + "\"issuedAt\":\"" + Instant.now() + "\"}";
        TopicWriter.publish(Topics.MANDATE, id, codesIssued, EventTypes.CODES_ISSUED.type(), codesJson);
        // The same event delivered twice has one effect.
        TopicWriter.publish(Topics.MANDATE, id, codesIssued, EventTypes.CODES_ISSUED.type(), codesJson);
        TopicWriter.publish(Topics.MAILING, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "lu.ccss.mailing.letter-posted.v1", "{\"letterId\":\"" + UUID.randomUUID()
                        + "\",\"kind\":\"CODES_EMPLOYER\",\"requestId\":\"" + id + "\",\"codeLetterId\":\""
                        + UUID.randomUUID() + "\",\"postedAt\":\"" + Instant.now() + "\"}");
        granted(UUID.randomUUID(), space, EMPLOYER, "BILLING", "HOLDER", id, UUID.randomUUID().toString());
        granted(UUID.randomUUID(), UUID.fromString(agentSpace), EMPLOYER, "AFFILIATIONS", "AGENT", id,
                UUID.randomUUID().toString());
        // Events about other requests, or of types this service does not follow, change nothing here.
        TopicWriter.publish(Topics.MAILING, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "lu.ccss.mailing.letter-posted.v1", "{\"letterId\":\"" + UUID.randomUUID()
                        + "\",\"kind\":\"DOCUMENT\",\"requestId\":\"" + UUID.randomUUID() + "\",\"codeLetterId\":null,"
                        + "\"postedAt\":\"" + Instant.now() + "\"}");
        TopicWriter.publish(Topics.MANDATE, id, UUID.randomUUID().toString(), "lu.ccss.mandate.code-locked.v1",
                "{\"codeId\":\"" + UUID.randomUUID() + "\",\"requestId\":\"" + id + "\",\"employer\":\"" + EMPLOYER
                        + "\",\"domain\":\"BILLING\",\"capacity\":\"HOLDER\",\"lockedAt\":\"" + Instant.now() + "\"}");

        awaitCount("select count(*) from request_timeline where request_id = '" + id + "'", 8);
        sleep(500);
        get(user, id).statusCode(200)
                .body("state", equalTo("TRANSMITTED"))
                .body("timeline.kind", equalTo(List.of("OPENED", "CONFIRMED", "SIGNED", "TRANSMITTED",
                        "CODES_ISSUED", "LETTER_POSTED", "DOMAIN_CERTIFIED", "DOMAIN_CERTIFIED")))
                .body("timeline[4].detail", equalTo("2 letters"))
                .body("timeline[5].detail", equalTo("CODES_EMPLOYER"))
                .body("timeline[6].domain", equalTo("BILLING"))
                .body("timeline[6].capacity", equalTo("HOLDER"))
                .body("timeline[7].domain", equalTo("AFFILIATIONS"))
                .body("timeline[7].capacity", equalTo("AGENT"))
                .body("timeline.kind", not(hasItem("CODE_LOCKED")));
    }

    /**
     * A CodesIssued v1 published before the upgrade (its letters carried an address) is still read, as v2: the
     * timeline shows it like any other; the address is not read.
     */
    @Test
    void aCodesIssuedV1PublishedBeforeTheUpgradeStillReachesTheTimeline() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = transmitted(user, space, "Timeline-2");
        String address = "{\"street\":\"Rue Ailleurs\",\"number\":\"9\",\"postcode\":\"L-9999\","
                + "\"locality\":\"Ailleurs\",\"country\":\"LU\"}";
        String v1 = "{\"requestId\":\"" + id + "\",\"reference\":\"CCSS-2026-000002\",\"issuanceId\":\""
                + UUID.randomUUID() + "\",\"employer\":\"" + EMPLOYER + "\",\"language\":\"fr\",\"letters\":["
                + "{\"codeLetterId\":\"" + UUID.randomUUID() + "\",\"recipientKind\":\"EMPLOYER\",\"recipientName\":"
                + "\"Boulangerie\",\"address\":" + address + ",\"agentRegistrationNumber\":null,\"sealedCodes\":null}],"
                + "\"issuedAt\":\"" + Instant.now() + "\"}";
        TopicWriter.publish(Topics.MANDATE, id, UUID.randomUUID().toString(), "lu.ccss.mandate.codes-issued.v1", v1);

        awaitCount("select count(*) from request_timeline where request_id = '" + id + "' and kind = 'CODES_ISSUED'",
                1);
        get(user, id).statusCode(200).body("timeline[4].kind", equalTo("CODES_ISSUED"))
                .body("timeline[4].detail", equalTo("1 letter"));
        assertEquals(0, count("select count(*) from request_timeline t where request_id = '" + id
                + "' and strpos(t::text, 'Ailleurs') > 0"));
    }
}
