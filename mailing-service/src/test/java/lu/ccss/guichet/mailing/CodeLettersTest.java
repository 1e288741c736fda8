package lu.ccss.guichet.mailing;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLetter;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.events.MandateEvents.LetterCode;
import lu.ccss.guichet.events.MandateEvents.LetterCodes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mailing.MailingApi.addressWindow;
import static lu.ccss.guichet.mailing.MailingApi.awaitLetters;
import static lu.ccss.guichet.mailing.MailingApi.count;
import static lu.ccss.guichet.mailing.MailingApi.letterOfKind;
import static lu.ccss.guichet.mailing.MailingApi.letters;
import static lu.ccss.guichet.mailing.MailingApi.operator;
import static lu.ccss.guichet.mailing.MailingApi.pages;
import static lu.ccss.guichet.mailing.MailingApi.pdf;
import static lu.ccss.guichet.mailing.MailingApi.printed;
import static lu.ccss.guichet.mailing.MailingApi.text;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class CodeLettersTest {

    static final String DEAD_LETTERS = "guichet.mailing.dead-letter";
    static final PostalAddress WEBER = new PostalAddress("Rue de l'Alzette", "45", "L-4011", "Esch-sur-Alzette", "LU");
    static final PostalAddress KLEIN = new PostalAddress("Hauptstraße", "7", "54290", "Trier", "DE");

    @Test
    void theEmployerAndEachAgentGetALetterWithTheirOwnCodesOnly() {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr")
                .withAgent("Fiduciaire Weber & Associés S.A.", WEBER, Domain.REMUNERATIONS, Domain.BILLING)
                .withAgent("Lohnbüro Klein GmbH", KLEIN, Domain.AFFILIATIONS);
        request.publish();

        List<Map<String, Object>> letters = awaitLetters(request.requestId, 3);
        assertEquals(3, letters.size());
        letters.forEach(l -> assertEquals("GENERATED", l.get("status")));

        Map<String, Object> employer = letterOfKind(letters, "CODES_EMPLOYER", request.employerName);
        assertEquals(request.employerLetterId.toString(), employer.get("codeLetterId"));
        byte[] employerPdf = printed(employer.get("id"));
        String employerText = text(employerPdf);
        String window = addressWindow(employerPdf);
        assertThat(window, containsString("Boulangerie-Pâtisserie Schmit S.à r.l."));
        assertThat(window, containsString("23, Avenue de la Liberté"));
        assertThat(window, containsString("L-1931 Luxembourg"));
        assertThat(window, containsString("CCSS · 125, route d'Esch · L-1471 Luxembourg"));
        assertThat(employerText, containsString("Centre commun de la sécurité sociale"));
        assertThat(employerText, containsString(request.reference));
        assertThat(employerText, containsString(employer.get("id").toString()));
        for (LetterCode code : request.holderCodes) {
            assertThat("holder code " + code.kind() + " " + code.domain(), employerText, containsString(code.code()));
        }
        for (CodesIssuedFixture.Agent agent : request.agents) {
            assertThat(employerText, containsString(agent.securityCode()));
            assertThat(employerText, containsString("Code de sécurité mandataire de " + agent.name()));
            agent.accessCodes().forEach(c -> assertThat(employerText, not(containsString(c.code()))));
        }
        assertThat(employerText, containsString("en mains propres"));
        assertThat(employerText, containsString("Mandat principal"));
        assertThat(employerText, containsString("Rémunérations et incapacités de travail des salariés"));
        int employerPages = pages(employerPdf);
        assertEquals(((Number) employer.get("pages")).intValue(), employerPages);
        assertThat(employerText, containsString("Page 1/" + employerPages));
        assertThat(employerText, containsString("Page " + employerPages + "/" + employerPages));

        for (CodesIssuedFixture.Agent agent : request.agents) {
            Map<String, Object> letter = letterOfKind(letters, "CODES_AGENT", agent.name());
            assertEquals(agent.codeLetterId().toString(), letter.get("codeLetterId"));
            assertEquals(agent.registrationNumber(), letter.get("agentRegistrationNumber"));
            byte[] agentPdf = printed(letter.get("id"));
            String agentText = text(agentPdf);
            assertThat(addressWindow(agentPdf), containsString(agent.address().street()));
            assertThat(addressWindow(agentPdf), containsString(agent.address().postcode() + " "
                    + agent.address().locality()));
            agent.accessCodes().forEach(c -> assertThat(agentText, containsString(c.code())));
            assertThat(agentText, containsString(request.employerName));
            assertThat(agentText, containsString("en mains propres"));
            assertThat(agentText, containsString("Page 1/"));
            List<String> othersCodes = new ArrayList<>();
            request.holderCodes.forEach(c -> othersCodes.add(c.code()));
            request.agents.forEach(a -> {
                othersCodes.add(a.securityCode());
                if (a != agent) {
                    a.accessCodes().forEach(c -> othersCodes.add(c.code()));
                }
            });
            othersCodes.forEach(code -> assertThat(agentText, not(containsString(code))));
        }
        String abroad = addressWindow(pdf(letterOfKind(letters, "CODES_AGENT", "Lohnbüro Klein GmbH").get("id")));
        assertThat(abroad, containsString("Hauptstraße 7"));
        assertThat(abroad, containsString("54290 Trier"));
        assertThat(abroad, containsString("ALLEMAGNE"));
    }

    @Test
    void lettersAreWrittenInTheRequestsLanguage() {
        CodesIssuedFixture german = CodesIssuedFixture.request("de").withAgent("Lohnbüro Klein GmbH", KLEIN,
                Domain.BILLING);
        CodesIssuedFixture english = CodesIssuedFixture.request("en");
        german.publish();
        english.publish();

        List<Map<String, Object>> germanLetters = awaitLetters(german.requestId, 2);
        String germanEmployer = text(printed(letterOfKind(germanLetters, "CODES_EMPLOYER", null).get("id")));
        assertThat(germanEmployer, containsString("Sehr geehrte Damen und Herren"));
        assertThat(germanEmployer, containsString("Seite 1/"));
        assertThat(germanEmployer, containsString("Abrechnung und Buchhaltung – Zugangscode Inhaber"));
        assertThat(germanEmployer, containsString("persönlich"));
        String germanAgent = text(printed(letterOfKind(germanLetters, "CODES_AGENT", null).get("id")));
        assertThat(germanAgent, containsString("Abrechnung und Buchhaltung – Zugangscode Bevollmächtigter"));
        assertThat(germanAgent, containsString(german.agents.get(0).accessCodes().get(0).code()));

        String englishEmployer = text(printed(letterOfKind(awaitLetters(english.requestId, 1), "CODES_EMPLOYER", null)
                .get("id")));
        assertThat(englishEmployer, containsString("Dear Sir or Madam"));
        assertThat(englishEmployer, containsString("Billing and accounting – holder access code"));
        assertThat(englishEmployer, containsString("How to certify your space (procedure C)"));
        assertThat(englishEmployer, not(containsString("Your agents' security codes")));
    }

    @Test
    void codesThatArriveUngroupedArePrintedInGroupsOfFour() {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr");
        LetterCode first = request.holderCodes.get(0);
        request.holderCodes.set(0, new LetterCode(first.kind(), first.domain(), first.code().replace("-", ""),
                null, null));
        request.publish();

        String text = text(printed(awaitLetters(request.requestId, 1).get(0).get("id")));
        assertThat(text, containsString(first.code()));
    }

    @Test
    void codesHoldingAnAsteriskArePrinted() {
        // The asterisk is one of the 32 symbols the mandate-service draws codes from.
        CodesIssuedFixture request = CodesIssuedFixture.request("en");
        LetterCode first = request.holderCodes.get(0);
        String payload = "*B2CD3F*G4H";
        String withAsterisks = CodeAlphabet.print(payload + CodeAlphabet.checkCharacter(payload));
        request.holderCodes.set(0, new LetterCode(first.kind(), first.domain(), withAsterisks, null, null));
        request.publish();

        String text = text(printed(awaitLetters(request.requestId, 1).get(0).get("id")));
        assertThat(text, containsString(withAsterisks));
    }

    @Test
    void theSameCodesTwiceMakeOneSetOfLetters() {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr").withAgent("Fiduciaire Weber", WEBER,
                Domain.BILLING);
        CodesIssued event = request.event();
        String eventId = UUID.randomUUID().toString();
        CodesIssuedFixture.publish(event, eventId);
        CodesIssuedFixture.publish(event, eventId);
        awaitLetters(request.requestId, 2);
        // The same letters again under a new event id (a producer retry) are not made twice either.
        String retried = request.publish(event);
        String resealed = request.publish(request.event());
        awaitProcessed(retried);
        awaitProcessed(resealed);

        assertEquals(2, letters(request.requestId).size());
    }

    @Test
    void aReissueVoidsTheLettersThatHaveNotLeftAndDestroysTheirPdf() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr");
        request.publish();
        Object first = awaitLetters(request.requestId, 1).get(0).get("id");

        request.issuanceId = UUID.randomUUID();
        request.holderCodes.replaceAll(c -> new LetterCode(c.kind(), c.domain(), CodesIssuedFixture.code(), null,
                null));
        CodesIssued reissue = request.event();
        // A reissue prints a new code letter (new id).
        CodeLetter reissued = reissue.letters().get(0);
        UUID newLetterId = UUID.randomUUID();
        CodeLetter renamed = new CodeLetter(newLetterId, reissued.recipientKind(), reissued.recipientName(),
                null, CodesIssuedFixture.seal(new LetterCodes(newLetterId,
                request.employerLetterCodes()), CodesIssuedFixture.PUBLIC_KEY, CodesIssuedFixture.KEY_ID));
        request.publish(new CodesIssued(reissue.requestId(), reissue.reference(), reissue.issuanceId(),
                reissue.employer(), reissue.language(), List.of(renamed), reissue.issuedAt()));

        List<Map<String, Object>> letters = awaitLetters(request.requestId, 2);
        Map<String, Object> voided = letters.stream().filter(l -> l.get("id").equals(first)).findFirst().orElseThrow();
        assertEquals("VOIDED", voided.get("status"));
        assertEquals(false, voided.get("pdfAvailable"));
        given().auth().oauth2(operator()).when().get("/api/letters/" + first + "/pdf").then().statusCode(410)
                .contentType("application/problem+json");
        given().auth().oauth2(operator()).when().post("/api/letters/" + first + "/posted").then().statusCode(409);
        assertEquals(0, count("select count(*) from letter where id = ?::uuid and pdf_encrypted is not null",
                first.toString()));
        Map<String, Object> fresh = letters.stream().filter(l -> !l.get("id").equals(first)).findFirst().orElseThrow();
        assertEquals("GENERATED", fresh.get("status"));
        assertEquals(newLetterId.toString(), fresh.get("codeLetterId"));
    }

    @Test
    void codesSealedForAnotherKeyGoToTheDeadLetterTopicAndMakeNoLetter() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr");
        request.publish(request.event(CodesIssuedFixture.OTHER_PUBLIC_KEY, CodesIssuedFixture.KEY_ID));

        ConsumerRecord<String, String> dead = awaitDeadLetter(request.requestId);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("cannot be opened"));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid", request.requestId.toString()));
    }

    @Test
    void aSealedBoxMovedOntoAnotherRecipientsLetterIsRefused() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr").withAgent("Fiduciaire Weber", WEBER,
                Domain.BILLING);
        CodesIssued honest = request.event();
        CodeLetter employer = honest.letters().get(0);
        CodeLetter agent = honest.letters().get(1);
        // The agent's letter carries the employer's box: the agent would receive the holder's codes.
        CodeLetter swapped = new CodeLetter(agent.codeLetterId(), agent.recipientKind(), agent.recipientName(),
                agent.agentRegistrationNumber(), employer.sealedCodes());
        request.publish(new CodesIssued(honest.requestId(), honest.reference(), honest.issuanceId(),
                honest.employer(), honest.language(), List.of(employer, swapped), honest.issuedAt()));

        ConsumerRecord<String, String> dead = awaitDeadLetter(request.requestId);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("belong to another code letter"));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid", request.requestId.toString()));
    }

    @Test
    void anAgentLetterCarryingAHolderCodeIsRefused() throws Exception {
        CodesIssuedFixture request = CodesIssuedFixture.request("fr").withAgent("Fiduciaire Weber", WEBER,
                Domain.BILLING);
        CodesIssued honest = request.event();
        CodeLetter agent = honest.letters().get(1);
        List<LetterCode> codes = new ArrayList<>(request.agents.get(0).accessCodes());
        codes.add(new LetterCode(CodeKind.HOLDER_ACCESS, Domain.BILLING, CodesIssuedFixture.code(), null, null));
        CodeLetter overloaded = new CodeLetter(agent.codeLetterId(), agent.recipientKind(), agent.recipientName(),
                agent.agentRegistrationNumber(), CodesIssuedFixture.seal(
                new LetterCodes(agent.codeLetterId(), codes), CodesIssuedFixture.PUBLIC_KEY, CodesIssuedFixture.KEY_ID));
        request.publish(new CodesIssued(honest.requestId(), honest.reference(), honest.issuanceId(),
                honest.employer(), honest.language(), List.of(honest.letters().get(0), overloaded),
                honest.issuedAt()));

        ConsumerRecord<String, String> dead = awaitDeadLetter(request.requestId);
        assertThat(TopicReader.header(dead, "dead-letter-reason"), containsString("HOLDER_ACCESS"));
        assertEquals(0, count("select count(*) from letter where request_id = ?::uuid", request.requestId.toString()));
    }

    static ConsumerRecord<String, String> awaitDeadLetter(UUID requestId) {
        return TopicReader.await(DEAD_LETTERS, r -> requestId.toString().equals(r.key()), 1, Duration.ofSeconds(60))
                .get(0);
    }

    static void awaitProcessed(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (count("select count(*) from processed_event where event_id = ?", eventId) == 0) {
                assertFalse(System.nanoTime() > deadline, "event " + eventId + " not processed in time");
                TestDatabase.sleep(200);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
