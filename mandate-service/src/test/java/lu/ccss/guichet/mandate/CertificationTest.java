package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.CodeAlphabet;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MandateEvents.CertificationGranted;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodeLocked;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.mandate.Scenario.authorization;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CertificationTest {

    @Test
    void aHolderCertifiesADomainWithTheRightPair() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);

        String id = certify(holder, space, Domain.REMUNERATIONS, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.REMUNERATIONS).toLowerCase().replace("-", " "),
                HOLDER_SECURITY_CODE)
                .then().statusCode(201)
                .header("Location", containsString("/api/spaces/" + space + "/certifications/"))
                .body("spaceId", equalTo(space.toString()))
                .body("employer", equalTo(employer))
                .body("employerName", equalTo("Boulangerie Schmit S.à r.l."))
                .body("domain", equalTo("REMUNERATIONS"))
                .body("capacity", equalTo("HOLDER"))
                .body("since", notNullValue())
                .body("requestId", equalTo(issued.event().requestId().toString()))
                .extract().path("id");

        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id))
                .body("[0].agentMandate", nullValue());
        ConsumerRecord<String, String> granted = Scenario.events(employer, EventTypes.CERTIFICATION_GRANTED, 1).get(0);
        CertificationGranted event = Scenario.read(granted.value(), CertificationGranted.class);
        assertEquals(UUID.fromString(id), event.certificationId());
        assertEquals(space, event.spaceId());
        assertEquals(Domain.REMUNERATIONS, event.domain());
        assertEquals(Capacity.HOLDER, event.capacity());
        authorization(space, employer, Domain.REMUNERATIONS).body("authorized", equalTo(true))
                .body("capacity", equalTo("HOLDER")).body("since", notNullValue());
        authorization(space, employer, Domain.BILLING).body("authorized", equalTo(false))
                .body("capacity", nullValue());
    }

    @Test
    void aWrongPairIsRefusedWithoutSayingWhichCodeWasWrong() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);

        Response wrongSecurity = certify(holder, space, Domain.BILLING, Capacity.HOLDER, access, "Wrong-42");
        Response wrongAccess = certify(holder, space, Domain.BILLING, Capacity.HOLDER, Scenario.unknownAccessCode(),
                HOLDER_SECURITY_CODE);
        Response wrongDomain = certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, access,
                HOLDER_SECURITY_CODE);
        for (Response refused : List.of(wrongSecurity, wrongAccess, wrongDomain)) {
            refused.then().statusCode(422).contentType("application/problem+json");
            assertEquals(wrongSecurity.path("detail"), (String) refused.path("detail"));
            assertEquals(wrongSecurity.path("title"), (String) refused.path("title"));
            assertFalse(refused.asString().contains(CodeFormat.normalise(access)));
            assertFalse(refused.asString().contains(access));
        }
        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(200).body("$", hasSize(0));
        assertEquals(2, count("select failed_attempts from issued_code where id = '" + codeId(access) + "'"));
    }

    @Test
    void aMistypedCodeIsABadRequestThatDoesNotCountAsAnAttempt() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = CodeFormat.normalise(issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING));
        int i = 0;
        while (access.charAt(i) == access.charAt(i + 1)) {
            i++;
        }
        String swapped = access.substring(0, i) + access.charAt(i + 1) + access.charAt(i) + access.substring(i + 2);

        certify(holder, space, Domain.BILLING, Capacity.HOLDER, swapped, HOLDER_SECURITY_CODE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("accessCode"))
                .body("detail", containsString("typing error"))
                .body(not(containsString(swapped)));
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, access, "short")
                .then().statusCode(400).body("errors.field", hasItem("securityCode"));
        assertEquals(0, count("select failed_attempts from issued_code where id = '" + codeId(access) + "'"));
        assertEquals(0, count("select count(*) from redemption_failure where user_id = '" + holder + "'"));
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE).then().statusCode(201);
    }

    @Test
    void rejectsAnIncompleteBodyNamingEveryFieldAndWritesNothing() {
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/spaces/" + space + "/certifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("domain")).body("errors.field", hasItem("capacity"))
                .body("errors.field", hasItem("accessCode")).body("errors.field", hasItem("securityCode"));
        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON)
                .body(Map.of("domain", "HEALTH", "capacity", "HOLDER", "accessCode", "x", "securityCode", "y"))
                .when().post("/api/spaces/" + space + "/certifications")
                .then().statusCode(400).body("errors.field", hasItem("domain"));
        given().auth().oauth2(Tokens.user(holder)).contentType(ContentType.JSON)
                .when().post("/api/spaces/" + space + "/certifications")
                .then().statusCode(400);
        assertEquals(0, count("select count(*) from audit_entry where actor = '" + holder + "'"));
    }

    @Test
    void onlyAnAdministratorOfTheSpaceCertifiesIt() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String colleague = Tokens.newUser();
        Scenario.join(space, colleague, MemberRole.MEMBER);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);

        certify(colleague, space, Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(403).contentType("application/problem+json");
        certify(Tokens.newUser(), space, Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON)
                .body(Map.of("domain", "BILLING", "capacity", "HOLDER", "accessCode", access,
                        "securityCode", HOLDER_SECURITY_CODE))
                .when().post("/api/spaces/" + space + "/certifications").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("domain", "BILLING"))
                .when().post("/api/spaces/" + space + "/certifications").then().statusCode(401);
        given().auth().oauth2(Tokens.user(Tokens.newUser())).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(colleague)).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(200);
        assertEquals(0, count("select failed_attempts from issued_code where id = '" + codeId(access) + "'"));
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE).then().statusCode(201);
    }

    @Test
    void codesAreUsableOnlyOnceTheirLetterIsPostedAndUntilTheyExpire() {
        Scenario.Issued issued = Scenario.issue(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.AFFILIATIONS);

        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("not been posted"));

        Scenario.postAll(issued, Instant.now().minus(Duration.ofDays(91)));
        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("expired"));

        Scenario.Issued fresh = Scenario.issue(TestData.newRegistrationNumber());
        Scenario.postAll(fresh, Instant.now().minus(Duration.ofDays(89)));
        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, fresh.code(CodeKind.HOLDER_ACCESS,
                Domain.AFFILIATIONS), HOLDER_SECURITY_CODE).then().statusCode(201);
    }

    @Test
    void aReturnedLetterVoidsItsCodes() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        Scenario.returned(issued.employerLetter().codeLetterId(), issued.event().requestId());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, issued.code(CodeKind.HOLDER_ACCESS,
                Domain.AFFILIATIONS), HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("no longer valid"));
    }

    @Test
    void aCodeIsSingleUse() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.AFFILIATIONS);
        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(201);
        certify(holder, space, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("already been used"));
    }

    @Test
    void fiveFailuresLockTheAccessCode() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.EMPLOYER_DATA);
        UUID requestId = issued.event().requestId();

        for (int attempt = 1; attempt <= 4; attempt++) {
            certify(holder, space, Domain.EMPLOYER_DATA, Capacity.HOLDER, access, "Wrong-" + attempt)
                    .then().statusCode(422);
        }
        assertEquals(0, count("select count(*) from issued_code where id = '" + codeId(access)
                + "' and locked_at is not null"), "four failures do not lock");
        certify(holder, space, Domain.EMPLOYER_DATA, Capacity.HOLDER, access, "Wrong-5").then().statusCode(422);

        certify(holder, space, Domain.EMPLOYER_DATA, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(409).body("detail", containsString("locked"));
        CodeLocked locked = Scenario.read(Scenario.events(requestId.toString(), EventTypes.CODE_LOCKED, 1).get(0)
                .value(), CodeLocked.class);
        assertEquals(codeId(access), locked.codeId());
        assertEquals(employer, locked.employer());
        assertEquals(Domain.EMPLOYER_DATA, locked.domain());
        assertEquals(Capacity.HOLDER, locked.capacity());
        // the other domains' codes are not affected
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING),
                HOLDER_SECURITY_CODE).then().statusCode(201);
    }

    @Test
    void aPersonFailingTooOftenIsSlowedDown() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String prober = Tokens.newUser();
        UUID space = Scenario.spaceOf(prober);
        for (int attempt = 0; attempt < 10; attempt++) {
            certify(prober, space, Domain.BILLING, Capacity.HOLDER, Scenario.unknownAccessCode(), "Guess-" + attempt)
                    .then().statusCode(422);
        }
        Response slowed = certify(prober, space, Domain.BILLING, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING), HOLDER_SECURITY_CODE);
        slowed.then().statusCode(429).contentType("application/problem+json");
        long retryAfter = Long.parseLong(slowed.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // the same person in another space is slowed down as well
        certify(prober, Scenario.spaceOf(prober), Domain.BILLING, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING), HOLDER_SECURITY_CODE).then().statusCode(429);
        assertEquals(0, count("select count(*) from mandate where granted_by = '" + prober + "'"));
    }

    @Test
    void aSpaceFailingTooOftenIsSlowedDownForAllItsAdministrators() {
        Scenario.Issued issued = Scenario.issueAndPost(TestData.newRegistrationNumber());
        String first = Tokens.newUser();
        String second = Tokens.newUser();
        String third = Tokens.newUser();
        UUID space = Scenario.spaceOf(first);
        Scenario.join(space, second, MemberRole.ADMINISTRATOR);
        Scenario.join(space, third, MemberRole.ADMINISTRATOR);
        for (int attempt = 0; attempt < 5; attempt++) {
            certify(first, space, Domain.BILLING, Capacity.HOLDER, Scenario.unknownAccessCode(), "Guess-1" + attempt)
                    .then().statusCode(422);
            certify(second, space, Domain.BILLING, Capacity.HOLDER, Scenario.unknownAccessCode(), "Guess-2" + attempt)
                    .then().statusCode(422);
        }
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);
        certify(third, space, Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE).then().statusCode(429)
                .header("Retry-After", notNullValue());
        certify(third, Scenario.spaceOf(third), Domain.BILLING, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                .then().statusCode(201);
    }

    @Test
    void ofTwoConcurrentRedemptionsOfOneCodeExactlyOneWins() throws Exception {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String access = issued.code(CodeKind.HOLDER_ACCESS, Domain.AFFILIATIONS);
        String alice = Tokens.newUser();
        String bob = Tokens.newUser();
        UUID aliceSpace = Scenario.spaceOf(alice);
        UUID bobSpace = Scenario.spaceOf(bob);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> aliceTries = () -> {
                start.await();
                return certify(alice, aliceSpace, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                        .statusCode();
            };
            Callable<Integer> bobTries = () -> {
                start.await();
                return certify(bob, bobSpace, Domain.AFFILIATIONS, Capacity.HOLDER, access, HOLDER_SECURITY_CODE)
                        .statusCode();
            };
            Future<Integer> a = pool.submit(aliceTries);
            Future<Integer> b = pool.submit(bobTries);
            start.countDown();
            List<Integer> statuses = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from mandate where employer = '" + employer + "'"));
        assertEquals(1, count("select count(*) from outbox_event where event_type = '"
                + EventTypes.CERTIFICATION_GRANTED.type() + "' and aggregate_id = '" + employer + "'"));
    }

    @Test
    void anAgentCertifiesItsOwnSpaceWithItsAccessCodeAndTheAgentSecurityCode() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS,
                Domain.REMUNERATIONS);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String holder = Tokens.newUser();
        UUID holderSpace = Scenario.certifiedHolderSpace(holder, issued, Domain.AFFILIATIONS);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String security = issued.code(CodeKind.AGENT_SECURITY, null);
        String agentAccess = issued.code(CodeKind.AGENT_ACCESS, Domain.AFFILIATIONS, agent.registrationNumber());

        // the holder's security code does not go with an agent access code, nor an agent code with HOLDER
        certify(accountant, agentSpace, Domain.AFFILIATIONS, Capacity.AGENT, agentAccess,
                CodeAlphabet.print(CodeFormat.AGENT_SECURITY.generate())).then().statusCode(422);
        certify(accountant, agentSpace, Domain.AFFILIATIONS, Capacity.HOLDER, agentAccess, HOLDER_SECURITY_CODE)
                .then().statusCode(422);
        certify(accountant, agentSpace, Domain.AFFILIATIONS, Capacity.AGENT, agentAccess, security.toLowerCase())
                .then().statusCode(201)
                .body("capacity", equalTo("AGENT"))
                .body("agentRegistrationNumber", equalTo(agent.registrationNumber()))
                .body("agentName", equalTo("Fiduciaire Weber"));
        // the same security code goes with the agent's other domain
        certify(accountant, agentSpace, Domain.REMUNERATIONS, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, Domain.REMUNERATIONS, agent.registrationNumber()), security)
                .then().statusCode(201);

        authorization(agentSpace, employer, Domain.AFFILIATIONS).body("authorized", equalTo(true))
                .body("capacity", equalTo("AGENT"));
        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + holderSpace + "/certifications")
                .then().statusCode(200)
                .body("[0].agentMandate.agentRegistrationNumber", equalTo(agent.registrationNumber()))
                .body("[0].agentMandate.mandateId", notNullValue());
    }

    @Test
    void theHolderWithdrawsAnAgentsMandate() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.BILLING);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String holder = Tokens.newUser();
        UUID holderSpace = Scenario.certifiedHolderSpace(holder, issued, Domain.BILLING);
        String colleague = Tokens.newUser();
        Scenario.join(holderSpace, colleague, MemberRole.MEMBER);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String mandate = certify(accountant, agentSpace, Domain.BILLING, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, Domain.BILLING, agent.registrationNumber()),
                issued.code(CodeKind.AGENT_SECURITY, null)).then().statusCode(201).extract().path("id");
        String holderMandate = given().auth().oauth2(Tokens.user(holder))
                .when().get("/api/spaces/" + holderSpace + "/certifications").then().extract().path("[0].id");

        withdraw(accountant, agentSpace, mandate).then().statusCode(404);
        withdraw(colleague, holderSpace, mandate).then().statusCode(403);
        withdraw(holder, holderSpace, holderMandate).then().statusCode(409);
        withdraw(holder, holderSpace, UUID.randomUUID().toString()).then().statusCode(404);
        withdraw(holder, holderSpace, mandate).then().statusCode(204);
        withdraw(holder, holderSpace, mandate).then().statusCode(409);

        given().auth().oauth2(Tokens.user(accountant)).when().get("/api/spaces/" + agentSpace + "/certifications")
                .then().statusCode(200).body("$", hasSize(0));
        authorization(agentSpace, employer, Domain.BILLING).body("authorized", equalTo(false));
        List<ConsumerRecord<String, String>> revoked = Scenario.events(employer, EventTypes.MANDATE_REVOKED, 1);
        assertTrue(revoked.get(0).value().contains("\"reason\":\"WITHDRAWN\""));
        assertTrue(revoked.get(0).value().contains(mandate));
    }

    @Test
    void anAuthorizationIsForDomainSystemsOnlyAndNamesMissingParameters() {
        given().auth().oauth2(Tokens.user(Tokens.newUser()))
                .queryParam("spaceId", UUID.randomUUID()).queryParam("employer", "20231234567")
                .queryParam("domain", "BILLING")
                .when().get("/api/authorizations").then().statusCode(403);
        given().when().get("/api/authorizations").then().statusCode(401);
        given().auth().oauth2(Tokens.domainSystem()).queryParam("employer", "2023").queryParam("domain", "HEALTH")
                .when().get("/api/authorizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("spaceId")).body("errors.field", hasItem("employer"))
                .body("errors.field", hasItem("domain"));
        authorization(UUID.randomUUID(), "20231234567", Domain.BILLING).body("authorized", equalTo(false));
    }

    private static Response withdraw(String user, UUID space, String mandateId) {
        return given().auth().oauth2(Tokens.user(user))
                .when().delete("/api/spaces/" + space + "/certifications/" + mandateId);
    }

    /** The id of an issued access code, found the way the service finds it: the caller cannot see the hash. */
    static UUID codeId(String printedCode) {
        return UUID.fromString(TestDatabase.text("select id from issued_code where lookup_hmac = '"
                + TestHmac.of(CodeFormat.normalise(printedCode)) + "'"));
    }
}
