package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.CodesIssued;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OperatorTest {

    @Test
    void aReissueVoidsTheUnusedCodesAndIssuesNewOnesWithNewLetters() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.BILLING);
        Scenario.Issued first = Scenario.issueAndPost(employer, agent);
        UUID requestId = first.event().requestId();
        String holder = Tokens.newUser();
        UUID space = Scenario.certifiedHolderSpace(holder, first, Domain.AFFILIATIONS);

        given().auth().oauth2(Tokens.operator("op-marie")).contentType(ContentType.JSON)
                .body(Map.of("reason", "letter lost by the post"))
                .when().post("/api/operator/requests/" + requestId + "/reissue")
                .then().statusCode(200)
                .body("requestId", equalTo(requestId.toString()))
                .body("voidedCodes", equalTo(9))
                .body("letters", hasSize(2));

        List<CodesIssued> issuances = Scenario.awaitCodesIssued(requestId, 2);
        Scenario.Issued second = Scenario.Issued.of(issuances.get(1));
        assertNotEquals(first.event().issuanceId(), second.event().issuanceId());
        Set<UUID> oldLetters = first.letterIds();
        assertTrue(second.letterIds().stream().noneMatch(oldLetters::contains));
        assertEquals(first.allCodes().size(), second.allCodes().size());

        // old unused codes are void; the new ones work once posted, the holder's own security code unchanged
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, first.code(CodeKind.HOLDER_ACCESS, Domain.BILLING),
                HOLDER_SECURITY_CODE).then().statusCode(409);
        String newAccess = second.code(CodeKind.HOLDER_ACCESS, Domain.BILLING);
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, newAccess, HOLDER_SECURITY_CODE)
                .then().statusCode(409);
        Scenario.postAll(second, java.time.Instant.now());
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, newAccess, HOLDER_SECURITY_CODE)
                .then().statusCode(201);
        String accountant = Tokens.newUser();
        certify(accountant, Scenario.spaceOf(accountant), Domain.BILLING, Capacity.AGENT,
                second.code(CodeKind.AGENT_ACCESS, Domain.BILLING, agent.registrationNumber()),
                first.code(CodeKind.AGENT_SECURITY, null)).then().statusCode(422);
        // the certification made with a used code of the first issuance stays
        given().auth().oauth2(Tokens.user(holder)).when().get("/api/spaces/" + space + "/certifications")
                .then().statusCode(200).body("domain", hasItems("AFFILIATIONS", "BILLING"));
    }

    @Test
    void onlyOperatorsReissueAndOnlyKnownRequests() {
        UUID requestId = Scenario.issue(TestData.newRegistrationNumber()).event().requestId();
        given().auth().oauth2(Tokens.user(Tokens.newUser())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/operator/requests/" + requestId + "/reissue").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/operator/requests/" + requestId + "/reissue").then().statusCode(401);
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/operator/requests/" + UUID.randomUUID() + "/reissue").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON)
                .body(Map.of("reason", "r".repeat(301)))
                .when().post("/api/operator/requests/" + requestId + "/reissue").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(Tokens.operator("op-1")).contentType(ContentType.JSON)
                .when().post("/api/operator/requests/" + requestId + "/reissue").then().statusCode(200);
    }

    @Test
    void theAuditTrailTellsAnEmployersStoryToOperatorsOnly() {
        String employer = TestData.newRegistrationNumber();
        Scenario.Issued issued = Scenario.issueAndPost(employer);
        String holder = Tokens.newUser();
        UUID space = Scenario.spaceOf(holder);
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING),
                "Wrong-1").then().statusCode(422);
        certify(holder, space, Domain.BILLING, Capacity.HOLDER, issued.code(CodeKind.HOLDER_ACCESS, Domain.BILLING),
                HOLDER_SECURITY_CODE).then().statusCode(201);

        var audit = given().auth().oauth2(Tokens.operator("op-1")).queryParam("employer", employer)
                .when().get("/api/operator/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("action");
        assertEquals(List.of("CODES_ISSUED", "CODES_ACTIVATED", "CODE_REDEMPTION", "CODE_REDEMPTION",
                "CERTIFICATION_GRANTED"), actions);
        assertEquals(List.of("SUCCESS", "SUCCESS", "FAILURE", "SUCCESS", "SUCCESS"), audit.getList("outcome"));
        assertEquals(holder, audit.getString("[2].actor"));
        assertEquals(space.toString(), audit.getString("[2].spaceId"));
        assertEquals(issued.event().requestId().toString(), audit.getString("[3].requestId"));
        assertEquals("BILLING", audit.getString("[3].domain"));
        String body = audit.prettify();
        for (String code : issued.allCodes()) {
            assertTrue(!body.contains(code) && !body.contains(code.replace("-", "")), "no code in the audit");
        }
        long lastSeq = audit.getLong("[1].seq");
        given().auth().oauth2(Tokens.operator("op-1")).queryParam("employer", employer)
                .queryParam("afterSeq", lastSeq).queryParam("limit", 2)
                .when().get("/api/operator/audit").then().statusCode(200).body("$", hasSize(2))
                .body("[0].action", equalTo("CODE_REDEMPTION"));

        given().auth().oauth2(Tokens.user(holder)).queryParam("employer", employer)
                .when().get("/api/operator/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.domainSystem()).queryParam("employer", employer)
                .when().get("/api/operator/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.operator("op-1")).when().get("/api/operator/audit").then().statusCode(400)
                .body("errors.field", hasItem("employer"));
        given().auth().oauth2(Tokens.operator("op-1")).queryParam("employer", employer).queryParam("limit", 0)
                .when().get("/api/operator/audit").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void theAuditTrailCannotBeChangedOrErased() throws SQLException {
        Scenario.issue(TestData.newRegistrationNumber());
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            assertTrue(TestDatabase.count("select count(*) from audit_entry") > 0);
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_entry set detail = 'rewritten'"));
            assertTrue(update.getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_entry"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_entry"));
        }
        assertEquals(0, TestDatabase.count("select count(*) from audit_entry where detail = 'rewritten'"));
    }

    @Test
    void servesItsOpenApiDocument() {
        var paths = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("paths").keySet().stream().map(Object::toString).collect(Collectors.toSet());
        assertTrue(paths.containsAll(Set.of("/api/spaces/{spaceId}/certifications",
                "/api/spaces/{spaceId}/certifications/{mandateId}", "/api/revocations", "/api/authorizations",
                "/api/operator/requests/{requestId}/reissue", "/api/operator/audit")), paths.toString());
    }

    @Test
    void itsDocumentSaysTheReissueBodyIsOptional() {
        // A client that trusts the document must not think it needs a body, nor a fuzzer that null is refused.
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/operator/requests/{requestId}/reissue'.post.requestBody.required", equalTo(false));
    }
}
