package lu.ccss.guichet.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.TestDatabase.sleep;
import static lu.ccss.guichet.testing.TestDatabase.text;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CertificationWizardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFullWizardRunEndsTransmittedAndPublishesRequestTransmittedOnce() throws Exception {
        String claire = newUser();
        UUID space = spaceWithMember(claire);
        String id = open(claire, space).statusCode(201)
                .header("Location", containsString("/api/certification-requests/"))
                .body("state", equalTo("DRAFT"))
                .body("reference", matchesPattern("CCSS-\\d{4}-\\d{6}"))
                .body("currentStep", equalTo("information"))
                .body("missingSteps", hasSize(6))
                .extract().path("id");

        put(claire, id, "information", acknowledged()).statusCode(200).body("currentStep", equalTo("warning"));
        put(claire, id, "warning", acknowledged()).statusCode(200).body("currentStep", equalTo("filer"));
        put(claire, id, "filer", filer()).statusCode(200)
                .body("steps.filer.phone", equalTo("+352621123456"));
        put(claire, id, "employer", employer(EMPLOYER, "fr")).statusCode(200)
                .body("steps.employer.address.postcode", equalTo("L-1931"));
        put(claire, id, "agents", twoAgents()).statusCode(200);
        put(claire, id, "security-code", securityCode("Lux-2026!a")).statusCode(200)
                .body("currentStep", equalTo("review"));

        String review = get(claire, id).statusCode(200)
                .body("missingSteps", empty())
                .body("steps.information.acknowledged", equalTo(true))
                .body("steps.filer.lastName", equalTo("Schmit"))
                .body("steps.employer.registrationNumber", equalTo(EMPLOYER))
                .body("steps.employer.language", equalTo("fr"))
                .body("steps.agents.oneAgentForAllDomains", equalTo(false))
                .body("steps.agents.agents.name", equalTo(List.of("Fiduciaire Weber", "Payroll Services Lux")))
                .body("steps.agents.agents[0].domains", equalTo(List.of("AFFILIATIONS", "REMUNERATIONS")))
                .body("steps.securityCode.chosen", equalTo(true))
                .body("steps.securityCode", not(hasKey("code")))
                .extract().asString();
        assertTrue(!review.contains("Lux-2026!a") && !review.contains("argon2"), "the review never shows the code");

        post(claire, id, "confirm").statusCode(200).body("state", equalTo("CONFIRMED"))
                .body("currentStep", equalTo("signature"))
                .body("document.signed", equalTo(false));
        post(claire, id, "signature").statusCode(200).body("state", equalTo("SIGNED"))
                .body("document.signed", equalTo(true))
                .body("document.signatureProvider", equalTo("local"));
        String reference = post(claire, id, "transmit").statusCode(200)
                .body("state", equalTo("TRANSMITTED"))
                .body("transmittedAt", notNullValue())
                .body("currentStep", nullValue())
                .body("timeline.kind", equalTo(List.of("OPENED", "CONFIRMED", "SIGNED", "TRANSMITTED")))
                .extract().path("reference");

        List<ConsumerRecord<String, String>> published = TopicReader.await(Topics.CERTIFICATION,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = published.get(0);
        assertEquals(EventTypes.REQUEST_TRANSMITTED.type(), TopicReader.header(record, "ce_type"));
        assertEquals(id, TopicReader.header(record, "ce_subject"));
        assertEquals("/guichet/certification-service", TopicReader.header(record, "ce_source"));
        assertEquals(Set.of(), schemaErrors(record.value()));
        JsonNode event = JSON.readTree(record.value());
        assertEquals(reference, event.get("reference").asText());
        assertEquals(space.toString(), event.get("spaceId").asText());
        assertEquals(EMPLOYER, event.at("/employer/registrationNumber").asText());
        assertEquals("fr", event.at("/employer/language").asText());
        assertEquals("Schmit", event.at("/filer/lastName").asText());
        // v3: no address, no e-mail, no phone (RequestTransmittedCarriesNoContactTest)
        assertTrue(event.at("/employer/address").isMissingNode());
        assertTrue(event.at("/filer/phone").isMissingNode());
        assertEquals(AGENT_A, event.at("/agents/0/registrationNumber").asText());
        assertEquals("BILLING", event.at("/agents/1/domains/0").asText());
        // The holder's security-code hash travels sealed for the mandate-service (SealedSecurityCodeHashTest).
        assertFalse(event.has("securityCodeHash"));
        assertEquals("test", event.at("/sealedSecurityCodeHash/keyId").asText());
        assertFalse(record.value().contains("$argon2id$"));

        // A second transmit is refused and publishes nothing.
        post(claire, id, "transmit").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("TRANSMITTED"));
        sleep(1500);
        assertEquals(1, TopicReader.readAll(Topics.CERTIFICATION).stream().filter(r -> id.equals(r.key())).count());
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
    }

    @Test
    void concurrentTransmitsPublishExactlyOnce() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "en", "Parallel-1");
        post(user, id, "confirm").statusCode(200);
        post(user, id, "signature").statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> transmit = () -> given().auth().oauth2(Tokens.user(user))
                    .post("/api/certification-requests/" + id + "/transmit").statusCode();
            List<Future<Integer>> answers = pool.invokeAll(List.of(transmit, transmit, transmit, transmit));
            List<Integer> statuses = answers.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertEquals(List.of(200, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
        TopicReader.await(Topics.CERTIFICATION, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        sleep(1000);
        assertEquals(1, TopicReader.readAll(Topics.CERTIFICATION).stream().filter(r -> id.equals(r.key())).count());
    }

    @Test
    void confirmIsRefusedNamingTheMissingStepsAndChangesNothing() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = openDraft(user, space);
        put(user, id, "information", acknowledged()).statusCode(200);
        put(user, id, "filer", filer()).statusCode(200);

        post(user, id, "confirm").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("warning, employer, agents, security-code"));
        get(user, id).statusCode(200).body("state", equalTo("DRAFT"))
                .body("missingSteps", equalTo(List.of("warning", "employer", "agents", "security-code")))
                .body("document", nullValue());
        assertEquals(0, count("select count(*) from request_document where request_id = '" + id + "'"));
        given().auth().oauth2(Tokens.user(user)).when().get("/api/certification-requests/" + id + "/document")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAConfirmedRequestIsSignedAndOnlyASignedOneTransmitted() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "de", "Order-123");
        post(user, id, "signature").statusCode(409);
        post(user, id, "transmit").statusCode(409).body("detail", containsString("only a signed request"));
        post(user, id, "confirm").statusCode(200);
        post(user, id, "transmit").statusCode(409);
        post(user, id, "confirm").statusCode(409);
        assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + id + "'"));
        get(user, id).statusCode(200).body("state", equalTo("CONFIRMED"));
    }

    @Test
    void confirmedAndTransmittedDataNeverChanges() throws SQLException {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String confirmed = completeDraft(user, space, OTHER_EMPLOYER, "fr", "Locked-1");
        post(user, confirmed, "confirm").statusCode(200);
        put(user, confirmed, "filer", Map.of("lastName", "Other", "firstName", "Name", "email", "a@b.lu",
                "phone", "+35212345678")).statusCode(409).body("detail", containsString("locked"));

        String id = transmitted(user, space, "Frozen-42");
        put(user, id, "filer", filer()).statusCode(409);
        put(user, id, "security-code", securityCode("Another-1")).statusCode(409);
        put(user, id, "agents", agents(false, List.of())).statusCode(409);
        post(user, id, "confirm").statusCode(409);
        post(user, id, "signature").statusCode(409);
        given().auth().oauth2(Tokens.user(user)).when().delete("/api/certification-requests/" + id)
                .then().statusCode(409);
        get(user, id).statusCode(200).body("state", equalTo("TRANSMITTED"))
                .body("steps.agents.agents", hasSize(2))
                .body("steps.filer.lastName", equalTo("Schmit"));

        // The database refuses it too, whoever tries.
        assertThrows(SQLException.class, () -> update("update certification_request set filer_last_name = 'X' "
                + "where id = '" + id + "'"));
        assertThrows(SQLException.class, () -> update("delete from certification_agent where request_id = '"
                + id + "'"));
        assertThrows(SQLException.class, () -> update("update request_document set signed_pdf = null "
                + "where request_id = '" + id + "'"));
        assertEquals("Schmit", text("select filer_last_name from certification_request where id = '" + id + "'"));
        // The hash left with the event: the service keeps no copy of it.
        assertEquals(null, text("select security_code_hash from certification_request where id = '" + id + "'"));
    }

    @Test
    void aSpaceHasOneOpenRequestPerEmployer() throws SQLException {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String first = openDraft(user, space);
        put(user, first, "employer", employer(EMPLOYER, "fr")).statusCode(200);
        String second = openDraft(user, space);
        put(user, second, "employer", employer(EMPLOYER, "de")).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(EMPLOYER));
        get(user, second).statusCode(200).body("steps.employer", nullValue());
        put(user, second, "employer", employer(OTHER_EMPLOYER, "de")).statusCode(200);
        // Another space may file for the same employer.
        String other = newUser();
        String elsewhere = openDraft(other, spaceWithMember(other));
        put(other, elsewhere, "employer", employer(EMPLOYER, "fr")).statusCode(200);

        // The rule is a partial unique index, not just a check in the code.
        assertThrows(SQLException.class, () -> update("update certification_request set "
                + "employer = '" + EMPLOYER + "' where id = '" + second + "'"));

        given().auth().oauth2(Tokens.user(user)).when().delete("/api/certification-requests/" + first)
                .then().statusCode(204);
        put(user, second, "employer", employer(EMPLOYER, "de")).statusCode(200);
    }

    @Test
    void concurrentFilersOfTheSameEmployerGetOneRequestAndConflicts() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        List<String> drafts = List.of(openDraft(user, space), openDraft(user, space), openDraft(user, space),
                openDraft(user, space));
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Callable<Integer>> saves = drafts.stream().<Callable<Integer>>map(draft -> () ->
                    given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                            .body(employer(EMPLOYER, "fr"))
                            .put("/api/certification-requests/" + draft + "/steps/employer").statusCode()).toList();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(saves)) {
                statuses.add(answer.get());
            }
            assertEquals(List.of(200, 409, 409, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from certification_request where space_id = '" + space
                + "' and employer = '" + EMPLOYER + "'"));
    }

    @Test
    void aDraftCanBeCancelledAndItsHashIsErased() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, EMPLOYER, "fr", "Cancel-me1");
        assertTrue(text("select security_code_hash from certification_request where id = '" + id + "'")
                .startsWith("$argon2id$"));
        given().auth().oauth2(Tokens.user(user)).when().delete("/api/certification-requests/" + id)
                .then().statusCode(204);
        get(user, id).statusCode(200).body("state", equalTo("CANCELLED"))
                .body("closedAt", notNullValue())
                .body("currentStep", nullValue())
                .body("timeline.kind", hasItem("CANCELLED"));
        assertEquals(null, text("select security_code_hash from certification_request where id = '" + id + "'"));
        given().auth().oauth2(Tokens.user(user)).when().delete("/api/certification-requests/" + id)
                .then().statusCode(409);
        put(user, id, "filer", filer()).statusCode(409);
    }

    @Test
    void membersListTheirSpaceRequestsAndStrangersSeeNothing() {
        String member = newUser();
        UUID space = spaceWithMember(member);
        String a = openDraft(member, space);
        String b = openDraft(member, space);
        given().auth().oauth2(Tokens.user(member)).queryParam("spaceId", space.toString())
                .when().get("/api/certification-requests")
                .then().statusCode(200).body("id", hasItems(a, b)).body("$", hasSize(2));

        String stranger = newUser();
        spaceWithMember(stranger);
        get(stranger, a).statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString(space.toString())));
        get(stranger, UUID.randomUUID().toString()).statusCode(404);
        put(stranger, a, "filer", filer()).statusCode(404);
        post(stranger, a, "confirm").statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).when().delete("/api/certification-requests/" + a)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).when().get("/api/certification-requests/" + a + "/document")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user(stranger)).queryParam("spaceId", space.toString())
                .when().get("/api/certification-requests").then().statusCode(404);
        open(stranger, space).statusCode(404);
        get(member, a).statusCode(200).body("steps.filer", nullValue());
    }

    @Test
    void callersNeedATokenAndTheUserRole() {
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        given().when().get("/api/certification-requests/" + id).then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/certification-requests/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("spaceId", UUID.randomUUID().toString()))
                .when().post("/api/certification-requests").then().statusCode(401);
        given().auth().oauth2(Tokens.operator("op-1")).when().get("/api/certification-requests/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.domainSystem()).when().post("/api/certification-requests/" + id + "/transmit")
                .then().statusCode(403);
    }

    @Test
    void openingAndListingNeedAValidSpaceId() {
        String user = newUser();
        spaceWithMember(user);
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/certification-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("spaceId"));
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body("{\"spaceId\":\"nope\"}")
                .when().post("/api/certification-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("spaceId"));
        given().auth().oauth2(Tokens.user(user)).when().get("/api/certification-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("spaceId"));
        given().auth().oauth2(Tokens.user(user)).queryParam("spaceId", "12")
                .when().get("/api/certification-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("spaceId"));
    }

    @Test
    void anUnknownStepIsNotFound() {
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        put(user, id, "review", acknowledged()).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("security-code"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/certification-requests/{id}/steps/security-code"))
                .body("paths", hasKey("/api/operator/certification-requests"))
                .body("components.schemas.SecurityCodeStep.properties.code.description",
                        containsString("-_.!?@#$%&*+="));
    }

    static Set<String> schemaErrors(String json) throws Exception {
        try (InputStream schemaText = CertificationWizardTest.class.getResourceAsStream(
                EventTypes.REQUEST_TRANSMITTED.schemaResource())) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
