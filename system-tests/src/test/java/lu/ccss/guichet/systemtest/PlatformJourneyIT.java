package lu.ccss.guichet.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.CodeLetters.AgentLetter;
import lu.ccss.guichet.client.CodeLetters.EmployerLetter;
import lu.ccss.guichet.client.CodeLetters;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Json;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.Platform;
import lu.ccss.guichet.client.Poll.Attempt;
import lu.ccss.guichet.client.Poll;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.Register;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.client.SecretScan;
import lu.ccss.guichet.client.Steps;
import lu.ccss.guichet.client.TestDocuments;
import lu.ccss.guichet.launcher.LauncherConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Procedures A to D end to end, through the running platform as front ends and domain systems use it: the same
 * LocalStack as {@code ./run-local.sh} (real PostgreSQL, Kafka, Keycloak and the five services' jars), real tokens
 * by password grant and client credentials, REST calls only, and the codes read from the letters' PDFs.
 *
 * <p>The steps run in order on one stack and share what the people involved have learnt so far (ids, codes). A step
 * whose predecessor failed is skipped rather than failing for the same reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.Use.class)
@Order(3)
class PlatformJourneyIT {

    private static final String AFFILIATIONS = "AFFILIATIONS";
    private static final String REMUNERATIONS = "REMUNERATIONS";
    private static final String EMPLOYER_DATA = "EMPLOYER_DATA";
    private static final String BILLING = "BILLING";

    private Path dataDir;
    private Platform platform;
    private Http http;
    private Keycloak keycloak;
    private Guichet employer;
    private Guichet colleague;
    private Guichet agent;
    private Guichet operator;
    private Guichet domainSystem;
    private PrintProvider printProvider;
    private Register register;
    private boolean failed;
    private long journeyStart;

    // What the people learn along the way.
    private final RequestForm.Agent fiduciary = new RequestForm.Agent(RequestForm.newRegistrationNumber(),
            "Fiduciaire Muller", new RequestForm.Address("Rue de l'Alzette", "45", "L-4011", "Esch-sur-Alzette", "LU"),
            "mandats@fiduciaire-muller.lu", List.of(AFFILIATIONS, REMUNERATIONS));
    private final RequestForm.Agent payroll = new RequestForm.Agent(RequestForm.newRegistrationNumber(),
            "Payroll Services Lux", new RequestForm.Address("Avenue de la Gare", "8", "4601", "Differdange", "LU"),
            "contact@payroll-services.lu", List.of(BILLING));
    private final RequestForm form = new RequestForm(RequestForm.defaultFiler(), RequestForm.newEmployer(),
            List.of(fiduciary, payroll), RequestForm.newSecurityCode());
    private String employerNumber;
    private UUID employerSpace;
    private UUID agentSpace;
    private UUID requestId;
    private String reference;
    private Instant transmittedAt;
    private List<JsonNode> letters;
    private LauncherConfig config;
    private EmployerLetter employerLetter;
    private EmployerLetter reissuedLetter;
    private AgentLetter fiduciaryLetter;
    private AgentLetter payrollLetter;
    private UUID documentId;

    @BeforeAll
    void meetThePeople() {
        SharedPlatform shared = SharedPlatform.current();
        config = shared.config();
        dataDir = shared.dataDir();
        platform = shared.platform();
        http = shared.http();
        keycloak = shared.keycloak();
        employer = shared.user("employer");
        colleague = shared.user("colleague");
        agent = shared.user("agent");
        operator = shared.user("operator");
        domainSystem = shared.domainSystem();
        printProvider = shared.printProvider();
        employerNumber = form.employer().registrationNumber();
        register = shared.register();
        register.register(form);
        journeyStart = System.nanoTime();
    }

    @AfterAll
    void sayHowLongItTook() {
        log("journey took " + Duration.ofNanos(System.nanoTime() - journeyStart).toSeconds() + " s");
    }

    @RegisterExtension
    final TestWatcher rememberFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeEach
    void skipAfterAFailure(TestInfo step) {
        assumeTrue(!failed, "an earlier step failed");
        log("step: " + step.getDisplayName());
    }

    // ------------------------------------------------------------------ procedure A

    @Test
    @Order(1)
    void peopleSignInThroughKeycloakAndTheApiRefusesCallsWithoutAToken() {
        JsonNode claims = Keycloak.claims(keycloak.user("employer"));
        assertEquals("1980010112302", claims.get("nationalId").asText());
        assertTrue(Json.list(claims.get("realm_access").get("roles")).stream().anyMatch(r -> "user".equals(r.asText())));
        JsonNode system = Keycloak.claims(keycloak.domainSystem());
        assertTrue(Json.list(system.get("realm_access").get("roles")).stream()
                .anyMatch(r -> "domain-system".equals(r.asText())));
        JsonNode printer = Keycloak.claims(keycloak.printProvider());
        assertTrue(Json.list(printer.get("realm_access").get("roles")).stream()
                .anyMatch(r -> "print-provider".equals(r.asText())), "the print provider's service account");
        assertTrue(Json.list(printer.get("realm_access").get("roles")).stream()
                .noneMatch(r -> "ccss-operator".equals(r.asText())));

        assertEquals(401, employer.anonymous().mySpaces().status());
        assertEquals(401, employer.anonymous().operatorRequests("TRANSMITTED").status());
        assertEquals(403, employer.operatorRequests("TRANSMITTED").status(), "a user is not an operator");
        assertEquals(403, employer.authorization(UUID.randomUUID(), employerNumber, BILLING).status(),
                "a user is not a domain system");
    }

    @Test
    @Order(2)
    void employerCreatesAProfessionalSpaceAndSeesItAmongItsSpaces() {
        Response created = employer.createSpace("Boulangerie Schmit", "Our bakery's professional space").expect(201);
        employerSpace = created.locationId();
        assertEquals("Boulangerie Schmit", created.json().get("name").asText());
        assertEquals("ADMINISTRATOR", created.json().get("myRole").asText());

        JsonNode mine = employer.mySpaces().expect(200).json();
        assertTrue(Json.list(mine).stream().anyMatch(s -> employerSpace.toString().equals(s.get("id").asText())),
                "the new space among " + mine);
        assertEquals(404, agent.space(employerSpace).status(), "a stranger does not see the space");
    }

    // ------------------------------------------------------------------ procedure B

    @Test
    @Order(3)
    void employerFillsInTheWizardForAnEmployerWithTwoAgentsOnDifferentDomains() {
        Steps.awaitSpaceKnownToCertification(employer, employerSpace);
        Response opened = employer.openRequest(employerSpace).expect(201);
        requestId = opened.locationId();
        reference = opened.json().get("reference").asText();
        assertEquals("DRAFT", opened.json().get("state").asText());
        assertEquals("information", opened.json().get("currentStep").asText());
        assertFalse(reference.isBlank());

        Response unknown = employer.saveStep(requestId, "employer", Map.of(
                "registrationNumber", RequestForm.newRegistrationNumber(), "language", "en"));
        assertEquals(400, unknown.status(), "a number the employer register does not hold: " + unknown);
        assertTrue(unknown.text().contains("registrationNumber"), "the field is named: " + unknown);

        // Whatever the filer may type besides the number, the register alone says who and where the employer is.
        Map<String, Object> typed = new java.util.LinkedHashMap<>(form.employerStep());
        typed.put("legalName", "Somebody Else S.A.");
        typed.put("address", Map.of("street", "Rue Inventée", "number", "1", "postcode", "L-9999",
                "locality", "Ailleurs", "country", "LU"));
        JsonNode review = Steps.fillIn(employer, requestId, form, typed);
        assertEquals("review", review.get("currentStep").asText());
        assertEquals(0, review.get("missingSteps").size());
        JsonNode steps = review.get("steps");
        assertEquals(employerNumber, steps.get("employer").get("registrationNumber").asText());
        assertEquals(form.employer().legalName(), steps.get("employer").get("legalName").asText(),
                "the register's legal name, not the typed one");
        assertEquals("en", steps.get("employer").get("language").asText());
        List<JsonNode> agents = Json.list(steps.get("agents").get("agents"));
        assertEquals(2, agents.size());
        assertEquals(fiduciary.registrationNumber(), agents.get(0).get("registrationNumber").asText());
        assertEquals("[\"AFFILIATIONS\",\"REMUNERATIONS\"]", agents.get(0).get("domains").toString());
        assertEquals("Esch-sur-Alzette", agents.get(0).get("address").get("locality").asText());
        assertEquals(payroll.registrationNumber(), agents.get(1).get("registrationNumber").asText());
        assertEquals("[\"BILLING\"]", agents.get(1).get("domains").toString());
        assertEquals("Differdange", agents.get(1).get("address").get("locality").asText());
        assertTrue(steps.get("securityCode").get("chosen").asBoolean());
        assertFalse(review.toString().contains(form.securityCode()), "the review never shows the security code");

        Response agentAsEmployer = employer.saveStep(requestId, "agents", Map.of("oneAgentForAllDomains", false,
                "agents", List.of(Map.of("registrationNumber", employerNumber, "email", "me@example.lu",
                        "domains", List.of(BILLING)))));
        assertEquals(400, agentAsEmployer.status(), "the employer is never its own agent: " + agentAsEmployer);
        assertTrue(agentAsEmployer.contentType().startsWith("application/problem+json"));
        assertEquals(2, employer.request(requestId).expect(200).json().get("steps").get("agents").get("agents")
                .size(), "the refused step changed nothing");
    }

    @Test
    @Order(4)
    void employerConfirmsDownloadsTheDocumentSignsAndTransmits() {
        JsonNode confirmed = employer.confirm(requestId).expect(200).json();
        assertEquals("CONFIRMED", confirmed.get("state").asText());
        assertEquals("signature", confirmed.get("currentStep").asText());
        assertFalse(confirmed.get("document").get("signed").asBoolean());

        Response toSign = employer.requestDocument(requestId).expect(200);
        assertTrue(toSign.contentType().startsWith("application/pdf"));
        assertEquals("false", toSign.header("X-Document-Signed").orElse(null));
        String document = CodeLetters.text(toSign.body());
        assertTrue(document.contains(reference), "the reference in the document to sign");
        assertTrue(document.contains(form.employer().legalName()), "the employer in the document to sign");
        assertTrue(document.contains(fiduciary.name()) && document.contains(payroll.name()), "the agents");
        assertFalse(document.contains(form.securityCode()), "never the security code");
        assertEquals(409, employer.transmit(requestId).status(), "an unsigned request is not transmitted");

        JsonNode signed = employer.sign(requestId).expect(200).json();
        assertEquals("SIGNED", signed.get("state").asText());
        assertTrue(signed.get("document").get("signed").asBoolean());
        Response signedPdf = employer.requestDocument(requestId).expect(200);
        assertEquals("true", signedPdf.header("X-Document-Signed").orElse(null));

        JsonNode transmitted = employer.transmit(requestId).expect(200).json();
        assertEquals("TRANSMITTED", transmitted.get("state").asText());
        transmittedAt = Json.instant(transmitted, "transmittedAt");
        assertNotNull(transmittedAt);
        assertTrue(timeline(transmitted).contains("TRANSMITTED"));
        assertEquals(409, employer.transmit(requestId).status(), "transmitted once");
        assertEquals(409, employer.saveStep(requestId, "filer", form.filerStep()).status(),
                "transmitted data never changes");
        JsonNode followed = operator.operatorRequests("TRANSMITTED").expect(200).json();
        assertTrue(Json.list(followed.get("items")).stream().anyMatch(r -> reference.equals(r.get("reference")
                .asText())), "the operator follows the transmitted request");
    }

    // ------------------------------------------------------------------ codes and letters

    @Test
    @Order(5)
    void operatorBatchesTheThreeLettersAndOnlyThePrintProviderGetsTheirCodes() {
        letters = Steps.awaitLetters(operator, requestId, 3);
        assertEquals(3, letters.size(), "one letter to the employer, one to each agent: " + letters);
        JsonNode toEmployer = letter("CODES_EMPLOYER", null);
        JsonNode toFiduciary = letter("CODES_AGENT", fiduciary.registrationNumber());
        JsonNode toPayroll = letter("CODES_AGENT", payroll.registrationNumber());
        assertEquals(form.employer().legalName(), toEmployer.get("recipientName").asText());
        assertEquals(form.employer().address().locality(), toEmployer.get("address").get("locality").asText(),
                "the holder's codes go to the registered address, never to a typed one");
        assertEquals("Esch-sur-Alzette", toFiduciary.get("address").get("locality").asText());
        assertEquals("Differdange", toPayroll.get("address").get("locality").asText());
        letters.forEach(l -> {
            assertEquals("GENERATED", l.get("status").asText());
            assertTrue(l.get("pdfAvailable").asBoolean());
        });

        List<UUID> ids = letters.stream().map(Steps::id).toList();
        Steps.printBatch(operator, requestId, ids);

        // The codes reach the print provider only, sealed for its key (security review, finding 4).
        employerLetter = CodeLetters.employerLetter(printed(toEmployer));
        fiduciaryLetter = CodeLetters.agentLetter(printed(toFiduciary));
        payrollLetter = CodeLetters.agentLetter(printed(toPayroll));
        assertEquals(4, employerLetter.holderAccessCodes().size(), "a holder access code per domain: "
                + employerLetter.text());
        assertEquals(4, employerLetter.revocationCodes().size(), "a revocation code per domain");
        assertEquals(Set.of(fiduciary.registrationNumber(), payroll.registrationNumber()),
                employerLetter.agentSecurityCodes().keySet(), "each agent's security code, in the employer's letter");
        assertTrue(employerLetter.text().contains(reference));
        assertEquals(Set.of(CodeLetters.Domain.AFFILIATIONS, CodeLetters.Domain.REMUNERATIONS),
                fiduciaryLetter.agentAccessCodes().keySet(), "an access code per domain of the agent: "
                        + fiduciaryLetter.text());
        assertEquals(Set.of(CodeLetters.Domain.BILLING), payrollLetter.agentAccessCodes().keySet());
        assertTrue(fiduciaryLetter.text().contains(form.employer().legalName()));
        allCodes().forEach(code -> {
            assertFalse(fiduciaryLetter.text().contains(code) && !fiduciaryLetter.agentAccessCodes()
                    .containsValue(code), "an agent's letter holds only its own codes");
        });

        String listed = operator.lettersOfRequest(requestId).expect(200).text();
        allCodes().forEach(code -> assertFalse(listed.contains(code), "the operator's list never shows a code"));
        for (JsonNode l : letters) {
            String seen = CodeLetters.text(operatorView(l));
            allCodes().forEach(code -> assertFalse(seen.contains(code), "the operator's PDF masks every code"));
            assertTrue(seen.contains("XXXX-XXXX-XXXX"), seen);
            assertEquals(403, operator.printableLetter(Steps.id(l)).status(), "an operator gets no printable PDF");
        }
        JsonNode downloads = operator.letterDownloads(Steps.id(toEmployer)).expect(200).json();
        assertEquals(1, downloads.size(), "the provider's download is audited: " + downloads);
        assertEquals("LETTER_PDF", downloads.get(0).get("what").asText());
    }

    @Test
    @Order(6)
    void operatorMarksTheLettersPostedAndTheirPdfsAreGone() {
        for (JsonNode l : letters) {
            JsonNode posted = operator.letterPosted(Steps.id(l)).expect(200).json();
            assertEquals("POSTED", posted.get("status").asText());
            assertFalse(posted.get("pdfAvailable").asBoolean());
            assertEquals(410, operator.letterPdf(Steps.id(l)).status(), "a posted letter's PDF is destroyed");
        }
        assertEquals(409, operator.letterPosted(Steps.id(letters.get(0))).status(), "posted once");
    }

    // ------------------------------------------------------------------ procedure C

    @Test
    @Order(7)
    void employerCertifiesItsSpaceForTheFourDomainsAfterOneFailedAttempt() {
        Steps.awaitCodesUsable(operator, employerNumber, codeLetterIds());

        String affiliationsCode = employerLetter.holderAccessCodes().get(CodeLetters.Domain.AFFILIATIONS);
        Response refused = employer.certify(employerSpace, AFFILIATIONS, "HOLDER", affiliationsCode, "Wrong-code");
        assertEquals(422, refused.status(), "a wrong security code: " + refused);
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals("These codes do not go together for this domain and this kind of mandate. Check the domain, "
                + "the access code and the security code against your letters.", refused.json().get("detail").asText());
        assertFalse(refused.text().contains(affiliationsCode), "the error never quotes a code");

        for (CodeLetters.Domain d : CodeLetters.Domain.values()) {
            JsonNode granted = employer.certify(employerSpace, d.name(), "HOLDER",
                    employerLetter.holderAccessCodes().get(d), form.securityCode()).expect(201).json();
            assertEquals("HOLDER", granted.get("capacity").asText());
            assertEquals(employerNumber, granted.get("employer").asText());
            assertEquals(d.name(), granted.get("domain").asText());
        }
        Response again = employer.certify(employerSpace, AFFILIATIONS, "HOLDER", affiliationsCode,
                form.securityCode());
        assertEquals(409, again.status(), "a code is used once: " + again);

        List<JsonNode> tab = Json.list(employer.certifications(employerSpace).expect(200).json());
        assertEquals(Set.copyOf(RequestForm.DOMAINS), tab.stream().map(c -> c.get("domain").asText())
                .collect(Collectors.toSet()));
        assertTrue(tab.stream().allMatch(c -> "HOLDER".equals(c.get("capacity").asText())));
    }

    @Test
    @Order(8)
    void theAgentCertifiesItsOwnSpaceForItsDomainsWithTheCodesOfBothLetters() {
        agentSpace = Steps.createSpace(agent, "Fiduciaire Muller");
        Poll.until("the mandate-service to know space " + agentSpace, Steps.EVENT_TIMEOUT, () -> {
            Response r = agent.certifications(agentSpace);
            return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
        });
        String securityCode = employerLetter.agentSecurityCodes().get(fiduciary.registrationNumber());
        for (String domain : fiduciary.domains()) {
            JsonNode granted = agent.certify(agentSpace, domain, "AGENT",
                    fiduciaryLetter.agentAccessCodes().get(CodeLetters.Domain.valueOf(domain)), securityCode)
                    .expect(201).json();
            assertEquals("AGENT", granted.get("capacity").asText());
            assertEquals(fiduciary.registrationNumber(), granted.get("agentRegistrationNumber").asText());
        }
        List<JsonNode> agentTab = Json.list(agent.certifications(agentSpace).expect(200).json());
        assertEquals(Set.of(AFFILIATIONS, REMUNERATIONS), agentTab.stream().map(c -> c.get("domain").asText())
                .collect(Collectors.toSet()));
        assertTrue(agentTab.stream().allMatch(c -> "AGENT".equals(c.get("capacity").asText())
                && employerNumber.equals(c.get("employer").asText())));

        JsonNode holderAffiliations = holderLine(AFFILIATIONS);
        assertEquals(fiduciary.registrationNumber(),
                holderAffiliations.get("agentMandate").get("agentRegistrationNumber").asText(),
                "the holder sees the agent now acting in the domain");
        assertTrue(holderLine(EMPLOYER_DATA).get("agentMandate").isNull(), "no agent for EMPLOYER_DATA");
    }

    @Test
    @Order(9)
    void theFilersTimelineShowsEachStage() {
        JsonNode request = Steps.awaitRequest(employer, requestId, "three letters posted and six domains certified "
                + "on the timeline", r -> countOf(r, "LETTER_POSTED") >= 3 && countOf(r, "DOMAIN_CERTIFIED") >= 6);
        List<String> kinds = timeline(request);
        assertEquals(1, countOf(request, "TRANSMITTED"), kinds.toString());
        assertEquals(1, countOf(request, "CODES_ISSUED"), kinds.toString());
        assertEquals(3, countOf(request, "LETTER_POSTED"), "one per letter, no duplicate: " + kinds);
        assertEquals(6, countOf(request, "DOMAIN_CERTIFIED"), "four as holder, two as agent: " + kinds);
        assertTrue(kinds.indexOf("TRANSMITTED") < kinds.indexOf("CODES_ISSUED")
                && kinds.indexOf("CODES_ISSUED") < kinds.indexOf("LETTER_POSTED")
                && kinds.lastIndexOf("LETTER_POSTED") < kinds.indexOf("DOMAIN_CERTIFIED"), "in order: " + kinds);
        assertFalse(request.toString().contains(form.securityCode()));
    }

    // ------------------------------------------------------------------ domain systems and eDelivery

    @Test
    @Order(10)
    void aDomainSystemAsksForAuthorizationsAndReportsAFirstUseThatSwitchesEDeliveryOn() {
        JsonNode holder = domainSystem.authorization(employerSpace, employerNumber, AFFILIATIONS).expect(200).json();
        assertTrue(holder.get("authorized").asBoolean());
        assertEquals("HOLDER", holder.get("capacity").asText());
        JsonNode asAgent = domainSystem.authorization(agentSpace, employerNumber, AFFILIATIONS).expect(200).json();
        assertTrue(asAgent.get("authorized").asBoolean());
        assertEquals("AGENT", asAgent.get("capacity").asText());
        JsonNode notAgentThere = domainSystem.authorization(agentSpace, employerNumber, BILLING).expect(200).json();
        assertFalse(notAgentThere.get("authorized").asBoolean(), "the fiduciary is not the BILLING agent");

        JsonNode first = Steps.reportDomainUse(domainSystem, employerSpace, employerNumber, AFFILIATIONS);
        assertTrue(first.get("firstUse").asBoolean());
        JsonNode second = domainSystem.reportDomainUse(employerSpace, employerNumber, AFFILIATIONS, "PROCEDURE")
                .expect(200).json();
        assertFalse(second.get("firstUse").asBoolean(), "only the first use counts as first");
        assertEquals(403, employer.reportDomainUse(employerSpace, employerNumber, AFFILIATIONS, "CONSULTATION")
                .status(), "only domain systems report uses");

        JsonNode active = Steps.awaitEDeliveryActive(employer, employerSpace, employerNumber, AFFILIATIONS);
        assertNotNull(Json.instant(active, "since"));
        List<JsonNode> status = Json.list(employer.edelivery(employerSpace).expect(200).json());
        assertTrue(status.stream().filter(s -> !AFFILIATIONS.equals(s.get("domain").asText()))
                .noneMatch(s -> s.get("active").asBoolean()), "only the used domain: " + status);
    }

    @Test
    @Order(11)
    void aDocumentSentByTheDomainSystemLandsInTheInboxAndItsReadingIsRecorded() {
        byte[] pdf = TestDocuments.pdf("Contribution statement", "Employer " + employerNumber + ", November");
        documentId = UUID.randomUUID();
        JsonNode sent = domainSystem.sendDocument(documentId, employerSpace, employerNumber, AFFILIATIONS,
                "Contribution statement November", pdf).expect(202).json();
        assertEquals("EDELIVERY", sent.get("channel").asText(), "eDelivery is active: not by post");

        JsonNode listed = Poll.until("document " + documentId + " in the inbox", Steps.EVENT_TIMEOUT, () -> {
            Response r = employer.inbox(employerSpace).expect(200);
            return Json.filter(r.json().get("items"), d -> documentId.toString().equals(d.get("id").asText()))
                    .stream().findFirst().map(Attempt::done).orElseGet(() -> Attempt.notYet(r));
        });
        assertEquals("Contribution statement November", listed.get("title").asText());
        assertFalse(listed.get("read").asBoolean());

        Response download = employer.downloadDocument(employerSpace, documentId).expect(200);
        assertTrue(download.contentType().startsWith("application/pdf"));
        assertArrayEquals(pdf, download.body(), "the document as sent");

        JsonNode reread = Json.filter(employer.inbox(employerSpace).expect(200).json().get("items"),
                d -> documentId.toString().equals(d.get("id").asText())).get(0);
        assertTrue(reread.get("read").asBoolean(), "the reading is recorded");
        assertNotNull(Json.instant(reread, "readAt"));
        assertEquals(404, agent.downloadDocument(employerSpace, documentId).status(), "not the agent's inbox");
    }

    // ------------------------------------------------------------------ procedure D

    @Test
    @Order(12)
    void aColleagueIsInvitedAndAccepts() throws IOException {
        String nationalId = nationalIdInRealm("colleague");
        Response invited = employer.invite(employerSpace, "Luc Weber", "colleague@guichet.local", nationalId, "MEMBER")
                .expect(201);
        UUID invitation = invited.locationId();
        assertEquals("PENDING", invited.json().get("status").asText());
        assertEquals(nationalId.substring(nationalId.length() - 3),
                invited.json().get("nationalIdLastDigits").asText());
        assertFalse(invited.text().contains(nationalId), "the national number is never shown in full");
        assertEquals(403, agent.acceptInvitation(invitation).status(), "someone else cannot accept it");

        JsonNode waiting = colleague.myInvitations().expect(200).json();
        assertTrue(Json.list(waiting).stream().anyMatch(i -> invitation.toString().equals(i.get("id").asText())
                && "Boulangerie Schmit".equals(i.get("spaceName").asText())), "the colleague sees it: " + waiting);
        JsonNode joined = colleague.acceptInvitation(invitation).expect(200).json();
        assertEquals(employerSpace.toString(), joined.get("id").asText());
        assertEquals("MEMBER", joined.get("myRole").asText());

        String colleagueId = Keycloak.claims(keycloak.user("colleague")).get("sub").asText();
        List<JsonNode> members = Json.list(employer.members(employerSpace).expect(200).json());
        assertTrue(members.stream().anyMatch(m -> colleagueId.equals(m.get("userId").asText())
                && "MEMBER".equals(m.get("role").asText())), "a member now: " + members);
        assertTrue(Json.list(colleague.mySpaces().expect(200).json()).stream()
                .anyMatch(s -> employerSpace.toString().equals(s.get("id").asText())));
    }

    @Test
    @Order(13)
    void theEmployerWithdrawsAnAgentMandateAndTheAuthorizationAnswerChanges() {
        UUID mandate = UUID.fromString(holderLine(AFFILIATIONS).get("agentMandate").get("mandateId").asText());
        Poll.until("the mandate-service to know the colleague's membership", Steps.EVENT_TIMEOUT, () -> {
            Response r = colleague.certifications(employerSpace);
            return r.status() == 200 ? Attempt.done(r) : Attempt.notYet(r);
        });
        assertEquals(403, colleague.withdrawMandate(employerSpace, mandate).status(),
                "a plain member does not withdraw mandates");
        assertEquals(404, agent.withdrawMandate(agentSpace, mandate).status(),
                "the agent's space is not the holder's");

        employer.withdrawMandate(employerSpace, mandate).expect(204);

        JsonNode after = domainSystem.authorization(agentSpace, employerNumber, AFFILIATIONS).expect(200).json();
        assertFalse(after.get("authorized").asBoolean(), "no longer the agent for AFFILIATIONS: " + after);
        JsonNode other = domainSystem.authorization(agentSpace, employerNumber, REMUNERATIONS).expect(200).json();
        assertTrue(other.get("authorized").asBoolean(), "still the agent for REMUNERATIONS");
        assertEquals("AGENT", other.get("capacity").asText());
        assertTrue(holderLine(AFFILIATIONS).get("agentMandate").isNull());
        assertEquals(Set.of(REMUNERATIONS), Json.list(agent.certifications(agentSpace).expect(200).json()).stream()
                .map(c -> c.get("domain").asText()).collect(Collectors.toSet()));
        assertEquals(409, employer.withdrawMandate(employerSpace, mandate).status(), "withdrawn once");
    }

    // ------------------------------------------------------------------ access follows the mandate (issue 12)

    @Test
    @Order(14)
    void aWithdrawnAgentNoLongerSeesTheEmployersDocumentsAndTheNextOneGoesByPost() {
        // The fiduciary is still the agent for REMUNERATIONS; its first use there switches its eDelivery on.
        Steps.reportDomainUse(domainSystem, agentSpace, employerNumber, REMUNERATIONS);
        Steps.awaitEDeliveryActive(agent, agentSpace, employerNumber, REMUNERATIONS);
        byte[] pdf = TestDocuments.pdf("Payslips", "Employer " + employerNumber + ", November");
        UUID payslips = UUID.randomUUID();
        assertEquals("EDELIVERY", domainSystem.sendDocument(payslips, agentSpace, employerNumber, REMUNERATIONS,
                "Payslips November", pdf).expect(202).json().get("channel").asText());
        Poll.until("the payslips in the agent's inbox", Steps.EVENT_TIMEOUT, () -> {
            Response r = agent.inbox(agentSpace).expect(200);
            return r.text().contains(payslips.toString()) ? Attempt.done(r) : Attempt.notYet(r);
        });

        UUID mandate = UUID.fromString(holderLine(REMUNERATIONS).get("agentMandate").get("mandateId").asText());
        employer.withdrawMandate(employerSpace, mandate).expect(204);

        Poll.until("the payslips gone from the withdrawn agent's inbox", Steps.EVENT_TIMEOUT, () -> {
            Response r = agent.inbox(agentSpace).expect(200);
            return r.text().contains(payslips.toString()) ? Attempt.notYet(r) : Attempt.done(r);
        });
        assertEquals(404, agent.downloadDocument(agentSpace, payslips).status(), "nor can it download them");
        Poll.until("the agent's eDelivery of REMUNERATIONS to stop", Steps.EVENT_TIMEOUT, () -> {
            Response r = agent.edelivery(agentSpace).expect(200);
            boolean active = Json.filter(r.json(), st -> employerNumber.equals(st.get("employer").asText())
                    && REMUNERATIONS.equals(st.get("domain").asText()) && st.get("active").asBoolean()).size() > 0;
            return active ? Attempt.notYet(r) : Attempt.done(r);
        });
        // The holder's eDelivery is not on for REMUNERATIONS: the next document goes by post.
        String channel = Poll.until("the next document to go by post", Steps.EVENT_TIMEOUT, () -> {
            Response r = domainSystem.sendDocument(UUID.randomUUID(), agentSpace, employerNumber, REMUNERATIONS,
                    "Payslips December", pdf).expect(202);
            String took = r.json().get("channel").asText();
            return "POST".equals(took) ? Attempt.done(took) : Attempt.notYet(r);
        });
        assertEquals("POST", channel);
    }

    @Test
    @Order(15)
    void aRevocationCodeEndsTheHolderCertificationAndALetterTellsTheEmployerAtItsRegisteredAddress() {
        employer.revoke(employerLetter.revocationCodes().get(CodeLetters.Domain.BILLING)).expect(200);
        assertFalse(domainSystem.authorization(employerSpace, employerNumber, BILLING).expect(200).json()
                .get("authorized").asBoolean(), "no longer the holder for BILLING");

        JsonNode notice = Poll.until("the holder notice letter", Steps.EVENT_TIMEOUT, () -> {
            Response r = operator.lettersOfEmployer(employerNumber).expect(200);
            return Json.filter(r.json(), l -> "HOLDER_NOTICE".equals(l.get("kind").asText())).stream().findFirst()
                    .map(Attempt::done).orElseGet(() -> Attempt.notYet(r));
        });
        assertEquals(form.employer().legalName(), notice.get("recipientName").asText());
        assertEquals(form.employer().address().locality(), notice.get("address").get("locality").asText());
        String text = CodeLetters.text(operatorView(notice));
        assertTrue(text.contains(employerSpace.toString()), "the notice names the space: " + text);
        allCodes().forEach(code -> assertFalse(text.contains(code), "a notice never carries a code"));
    }

    @Test
    @Order(16)
    void aSpaceCertifiedWithReissuedCodesReplacesTheHolderAndTheEmployerIsToldWhichSpaceHoldsItNow() {
        JsonNode reissue = operator.reissue(requestId, "The employer lost its letter").expect(200).json();
        Set<String> fresh = Json.list(reissue.get("letters")).stream().map(l -> l.get("codeLetterId").asText())
                .collect(Collectors.toSet());
        JsonNode toEmployer = Poll.until("the reissued employer letter", Steps.EVENT_TIMEOUT, () -> {
            Response r = operator.lettersOfRequest(requestId).expect(200);
            return Json.filter(r.json(), l -> "CODES_EMPLOYER".equals(l.get("kind").asText())
                            && fresh.contains(l.get("codeLetterId").asText())).stream().findFirst()
                    .map(Attempt::done).orElseGet(() -> Attempt.notYet(r));
        });
        assertEquals(form.employer().address().locality(), toEmployer.get("address").get("locality").asText());
        Steps.printBatch(operator, requestId, List.of(Steps.id(toEmployer)));
        EmployerLetter reissued = CodeLetters.employerLetter(printed(toEmployer));
        reissuedLetter = reissued;
        operator.letterPosted(Steps.id(toEmployer)).expect(200);
        Steps.awaitCodesUsable(operator, employerNumber, List.of(UUID.fromString(toEmployer.get("codeLetterId")
                .asText())));

        UUID otherSpace = Steps.createSpace(employer, "Boulangerie Schmit, second space");
        String code = reissued.holderAccessCodes().get(CodeLetters.Domain.EMPLOYER_DATA);
        Poll.until("the mandate-service to know the second space", Steps.EVENT_TIMEOUT, () -> {
            Response r = employer.certify(otherSpace, EMPLOYER_DATA, "HOLDER", code, form.securityCode());
            return r.status() == 404 ? Attempt.notYet(r) : Attempt.done(r.expect(201));
        });
        assertFalse(domainSystem.authorization(employerSpace, employerNumber, EMPLOYER_DATA).expect(200).json()
                .get("authorized").asBoolean(), "the first space no longer holds EMPLOYER_DATA");

        JsonNode notice = Poll.until("the replacement notice", Steps.EVENT_TIMEOUT, () -> {
            Response r = operator.lettersOfEmployer(employerNumber).expect(200);
            List<JsonNode> notices = Json.filter(r.json(), l -> "HOLDER_NOTICE".equals(l.get("kind").asText()));
            return notices.size() == 2 ? Attempt.done(notices.get(1)) : Attempt.notYet(r);
        });
        String text = CodeLetters.text(operatorView(notice));
        assertTrue(text.contains(otherSpace.toString()), "the notice names the space that holds it now: " + text);
        assertFalse(text.contains(code), "a notice never carries a code");
    }

    @Test
    @Order(17)
    void whenTheRegisterMarksTheEmployerCeasedEveryMandateEndsAndItsEDeliveryStops() {
        register.cease(employerNumber);

        Poll.until("the holder's authorizations to end", Steps.EVENT_TIMEOUT, () -> {
            Response r = domainSystem.authorization(employerSpace, employerNumber, AFFILIATIONS).expect(200);
            return r.json().get("authorized").asBoolean() ? Attempt.notYet(r) : Attempt.done(r);
        });
        for (String domain : List.of(REMUNERATIONS, BILLING)) {
            assertFalse(domainSystem.authorization(employerSpace, employerNumber, domain).expect(200).json()
                    .get("authorized").asBoolean(), domain);
        }
        assertEquals(List.of(), Json.list(employer.certifications(employerSpace).expect(200).json()));
        Poll.until("the holder's eDelivery of AFFILIATIONS to stop", Steps.EVENT_TIMEOUT, () -> {
            Response r = employer.edelivery(employerSpace).expect(200);
            return Json.filter(r.json(), st -> st.get("active").asBoolean()).isEmpty() ? Attempt.done(r)
                    : Attempt.notYet(r);
        });
        assertEquals(404, employer.downloadDocument(employerSpace, documentId).status(),
                "the employer's documents are no longer readable in the space");
    }

    // ------------------------------------------------------------------ no secret anywhere

    @Test
    @Order(18)
    void noCodeSecurityCodeOrNationalNumberIsInAnyLogTableOrTopic() throws Exception {
        Set<String> secrets = new java.util.LinkedHashSet<>();
        List<String> codes = new ArrayList<>(allCodes());
        codes.addAll(reissuedLetter.holderAccessCodes().values());
        codes.addAll(reissuedLetter.revocationCodes().values());
        codes.addAll(reissuedLetter.agentSecurityCodes().values());
        codes.forEach(code -> {
            secrets.add(code);
            secrets.add(code.replace("-", ""));
        });
        secrets.add(form.securityCode());
        JsonNode realm = Json.read(Files.readAllBytes(SharedPlatform.repo().resolve("deploy/keycloak/guichet-realm.json")));
        realm.get("users").forEach(u -> u.path("attributes").path("nationalId").forEach(n -> secrets.add(n.asText())));
        SecretScan scan = new SecretScan(secrets);

        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith("-service.log")).toList()) {
                scan.text("log " + log.getFileName(), Files.readString(log));
            }
        }
        for (String database : List.of("space", "certification", "mandate", "mailing", "edelivery")) {
            scan.database("localhost", config.postgresPort(), database);
        }
        scan.topics("localhost:" + config.kafkaPort());
        log("scanned " + scan.places() + " places for " + secrets.size() + " secrets");
        assertEquals(List.of(), scan.findings(), "a secret in clear");

        // The scan reads what it claims to: the employer's number (not a secret) is found on topics and in tables.
        SecretScan canary = new SecretScan(Set.of(employerNumber));
        canary.database("localhost", config.postgresPort(), "mandate");
        canary.topics("localhost:" + config.kafkaPort());
        assertTrue(canary.findings().stream().anyMatch(f -> f.startsWith("table mandate."))
                && canary.findings().stream().anyMatch(f -> f.startsWith("topic guichet.mandate.events")),
                "the scan must see rows and records: " + canary.findings().size());
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode letter(String kind, String agentNumber) {
        return letters.stream().filter(l -> kind.equals(l.get("kind").asText())
                        && (agentNumber == null || agentNumber.equals(l.get("agentRegistrationNumber").asText())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " letter "
                        + (agentNumber == null ? "" : "for " + agentNumber) + " in " + letters));
    }

    /** The letter as the operator sees it: as printed, but every code masked. */
    private byte[] operatorView(JsonNode letter) {
        Response r = operator.letterPdf(Steps.id(letter)).expect(200);
        assertTrue(r.contentType().startsWith("application/pdf"), r.toString());
        return r.body();
    }

    /** A letter of a print batch as printed, codes inside: the print provider's sealed download, opened. */
    private byte[] printed(JsonNode letter) {
        return printProvider.printedLetter(Steps.id(letter));
    }

    private List<UUID> codeLetterIds() {
        return letters.stream().map(l -> UUID.fromString(l.get("codeLetterId").asText())).toList();
    }

    private List<String> allCodes() {
        List<String> codes = new ArrayList<>(employerLetter.holderAccessCodes().values());
        codes.addAll(employerLetter.revocationCodes().values());
        codes.addAll(employerLetter.agentSecurityCodes().values());
        codes.addAll(fiduciaryLetter.agentAccessCodes().values());
        codes.addAll(payrollLetter.agentAccessCodes().values());
        return codes;
    }

    private JsonNode holderLine(String domain) {
        return Json.filter(employer.certifications(employerSpace).expect(200).json(),
                        c -> domain.equals(c.get("domain").asText()) && "HOLDER".equals(c.get("capacity").asText()))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no holder certification for " + domain));
    }

    private static List<String> timeline(JsonNode request) {
        return Json.list(request.get("timeline")).stream()
                .sorted(Comparator.comparing(e -> Instant.parse(e.get("occurredAt").asText())))
                .map(e -> e.get("kind").asText()).toList();
    }

    private static long countOf(JsonNode request, String kind) {
        return Json.list(request.get("timeline")).stream().filter(e -> kind.equals(e.get("kind").asText())).count();
    }

    private String nationalIdInRealm(String username) throws IOException {
        JsonNode realm = Json.read(Files.readAllBytes(SharedPlatform.repo().resolve("deploy/keycloak/guichet-realm.json")));
        return Json.filter(realm.get("users"), u -> username.equals(u.get("username").asText())).get(0)
                .get("attributes").get("nationalId").get(0).asText();
    }

    private static void log(String message) {
        System.out.println("[journey " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
