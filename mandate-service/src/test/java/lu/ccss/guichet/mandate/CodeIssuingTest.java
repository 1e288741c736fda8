package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.MandateEvents.RecipientKind;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CodeIssuingTest {

    @Test
    void issuesEveryCodeOfATransmittedRequestSealedForTheMailingService() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent weber = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS,
                Domain.REMUNERATIONS);
        CertificationEvents.Agent payroll = Scenario.agent("Payroll Services", Domain.BILLING);
        UUID requestId = Scenario.transmit(employer, List.of(weber, payroll));

        List<ConsumerRecord<String, String>> records = Scenario.events(requestId.toString(), EventTypes.CODES_ISSUED,
                1);
        assertEquals(1, records.size());
        assertEquals("/guichet/mandate-service", TopicReader.header(records.get(0), "ce_source"));
        CodesIssued issued = Scenario.read(records.get(0).value(), CodesIssued.class);
        assertEquals(employer, issued.employer());
        assertEquals("fr", issued.language());
        assertTrue(issued.reference().startsWith("CERT-TEST-"));
        assertEquals(3, issued.letters().size());

        CodeLetter employerLetter = issued.letters().get(0);
        assertEquals(RecipientKind.EMPLOYER, employerLetter.recipientKind());
        assertEquals("Boulangerie Schmit S.à r.l.", employerLetter.recipientName());
        assertNull(employerLetter.agentRegistrationNumber());
        assertEquals("test", employerLetter.sealedCodes().keyId());
        LetterCodes employerCodes = Scenario.open(employerLetter);
        assertEquals(employerLetter.codeLetterId(), employerCodes.codeLetterId());
        Map<CodeKind, List<LetterCode>> byKind = employerCodes.codes().stream()
                .collect(Collectors.groupingBy(LetterCode::kind));
        assertEquals(EnumSet.allOf(Domain.class), domains(byKind.get(CodeKind.HOLDER_ACCESS)));
        assertEquals(EnumSet.allOf(Domain.class), domains(byKind.get(CodeKind.HOLDER_REVOCATION)));
        assertEquals(Set.of(weber.registrationNumber(), payroll.registrationNumber()),
                byKind.get(CodeKind.AGENT_SECURITY).stream().map(LetterCode::agentRegistrationNumber)
                        .collect(Collectors.toSet()));
        assertEquals(Set.of("Fiduciaire Weber", "Payroll Services"), byKind.get(CodeKind.AGENT_SECURITY).stream()
                .map(LetterCode::agentName).collect(Collectors.toSet()));
        assertEquals(10, employerCodes.codes().size());

        CodeLetter weberLetter = letterOf(issued, weber.registrationNumber());
        assertEquals(RecipientKind.AGENT, weberLetter.recipientKind());
        assertEquals("Fiduciaire Weber", weberLetter.recipientName());
        assertEquals(weber.registrationNumber(), weberLetter.agentRegistrationNumber());
        LetterCodes weberCodes = Scenario.open(weberLetter);
        assertEquals(EnumSet.of(Domain.AFFILIATIONS, Domain.REMUNERATIONS), domains(weberCodes.codes()));
        assertTrue(weberCodes.codes().stream().allMatch(c -> c.kind() == CodeKind.AGENT_ACCESS
                && weber.registrationNumber().equals(c.agentRegistrationNumber())));
        assertEquals(1, Scenario.open(letterOf(issued, payroll.registrationNumber())).codes().size());

        for (LetterCode code : employerCodes.codes()) {
            int length = code.kind() == CodeKind.AGENT_SECURITY ? 8 : 12;
            assertTrue(code.code().matches("^[2-9A-HJKMNP-Z*]{4}(-[2-9A-HJKMNP-Z*]{4}){" + (length / 4 - 1) + "}$"),
                    "printed in groups of four");
            assertEquals(Optional.of(code.kind() == CodeKind.AGENT_SECURITY ? CodeFormat.AGENT_SECURITY
                    : CodeFormat.ACCESS), CodeFormat.of(code.code()), "a well-formed code with its check character");
        }
        assertEquals(13, count("select count(*) from issued_code where request_id = '" + requestId + "'"));
    }

    @Test
    void storesAccessCodesAsKeyedHashesAndSecurityCodesAsArgon2id() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.BILLING);
        Scenario.Issued issued = Scenario.issue(employer, agent);
        UUID requestId = issued.event().requestId();

        String holderAccess = CodeFormat.normalise(issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING));
        assertEquals(1, count("select count(*) from issued_code where kind = 'HOLDER_ACCESS' and domain = 'BILLING'"
                + " and request_id = '" + requestId + "' and lookup_hmac = '" + TestHmac.of(holderAccess) + "'"));
        List<String> securityHashes = TestDatabase.texts("select secret_hash from issued_code where request_id = '"
                + requestId + "' and kind = 'AGENT_SECURITY'");
        assertEquals(1, securityHashes.size());
        assertTrue(securityHashes.get(0).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertTrue(lu.ccss.guichet.platform.crypto.Argon2idHasher.verify(securityHashes.get(0),
                CodeFormat.normalise(issued.code(CodeKind.AGENT_SECURITY, null))));
        assertEquals(0, count("select count(*) from issued_code where request_id = '" + requestId
                + "' and usable_from is not null"), "no code is usable before its letter is posted");
    }

    @Test
    void aRequestTransmittedTwiceIssuesItsCodesOnce() {
        String employer = TestData.newRegistrationNumber();
        UUID requestId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String repeatedTransmission = UUID.randomUUID().toString();
        Scenario.transmit(requestId, eventId, employer, List.of());
        Scenario.transmit(requestId, eventId, employer, List.of());
        Scenario.transmit(requestId, repeatedTransmission, employer, List.of());
        TestDatabase.awaitCount("select count(*) from processed_event where consumer = 'certification-events' "
                + "and event_id = '" + repeatedTransmission + "'", 1);
        Scenario.awaitCodesIssued(requestId, 1);
        assertEquals(1, count("select count(*) from code_issuance where request_id = '" + requestId + "'"));
        assertEquals(1, count("select count(*) from outbox_event where event_type = '"
                + EventTypes.CODES_ISSUED.type() + "' and aggregate_id = '" + requestId + "'"));
        assertEquals(1, TopicReader.readAll(Topics.MANDATE).stream()
                .filter(Scenario.isType(requestId.toString(), EventTypes.CODES_ISSUED)).count());
    }

    @Test
    void anEmployerWithoutAgentsGetsOneLetter() {
        Scenario.Issued issued = Scenario.issue(TestData.newRegistrationNumber());
        assertEquals(1, issued.event().letters().size());
        assertEquals(8, issued.allCodes().size());
        assertNotNull(issued.event().issuanceId());
    }

    private static Set<Domain> domains(List<LetterCode> codes) {
        return codes.stream().map(LetterCode::domain).collect(Collectors.toCollection(() -> EnumSet.noneOf(
                Domain.class)));
    }

    private static CodeLetter letterOf(CodesIssued issued, String agentRegistrationNumber) {
        return issued.letters().stream().filter(l -> agentRegistrationNumber.equals(l.agentRegistrationNumber()))
                .findFirst().orElseThrow();
    }
}
