package lu.ccss.guichet.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.EmployerUpdated;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestRegister;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicReader;
import lu.ccss.guichet.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.TestDatabase.text;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the employer and its agents are the CCSS employer register's. A number the register does not hold as an
 * active party of the right kind is refused naming the field; legal names and addresses are the register's, never
 * typed, and are re-read when the request is confirmed; an agent's mandate may end on a chosen date.
 */
@QuarkusTest
class RegisteredPartiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    private static String draftWithEmployer(String user, String employer) {
        String id = openDraft(user, spaceWithMember(user));
        put(user, id, "employer", employer(employer, "fr")).statusCode(200);
        return id;
    }

    private static String employerRefused(String user, String id, String number, String reason) {
        String answer = put(user, id, "employer", employer(number, "fr")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("registrationNumber")))
                .body("errors[0].message", containsString(reason))
                .extract().asString();
        assertFalse(answer.contains(number), "the answer never echoes the number: " + answer);
        return answer;
    }

    private static Map<String, Object> agentEnding(String number, Object mandateEndsOn) {
        Map<String, Object> agent = agent(number, "Fiduciaire", "BILLING");
        agent.put("mandateEndsOn", mandateEndsOn);
        return agent;
    }

    private static LocalDate today() {
        return LocalDate.now(LUXEMBOURG);
    }

    private static JsonNode transmittedEvent(String id) throws Exception {
        List<ConsumerRecord<String, String>> published = TopicReader.await(Topics.CERTIFICATION,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(EventTypes.REQUEST_TRANSMITTED.type(), TopicReader.header(published.get(0), "ce_type"));
        assertEquals(java.util.Set.of(), CertificationWizardTest.schemaErrors(published.get(0).value()));
        return JSON.readTree(published.get(0).value());
    }

    private static void signAndTransmit(String user, String id) {
        post(user, id, "signature").statusCode(200);
        post(user, id, "transmit").statusCode(200);
    }

    private static String pdfText(String user, String id) throws IOException {
        Response response = given().auth().oauth2(Tokens.user(user))
                .when().get("/api/certification-requests/" + id + "/document");
        response.then().statusCode(200);
        try (PDDocument document = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void update(String number, PartyKind kind, String legalName, PostalAddress address) {
        TopicWriter.publish(EventTypes.EMPLOYER_UPDATED, number,
                new EmployerUpdated(number, kind, legalName, address, "fr", Instant.now()));
        awaitCount("select count(*) from register_entry where registration_number = '" + number
                + "' and legal_name = '" + legalName.replace("'", "''") + "'", 1);
    }

    // --- the employer step -----------------------------------------------------------------------------------------

    @Test
    void aNumberOutsideTheRegisterIsRefusedAndNothingIsSaved() {
        String user = newUser();
        String registered = TestRegister.awaitNewEmployer();
        String id = draftWithEmployer(user, registered);
        String before = text("select updated_at::text from certification_request where id = '" + id + "'");

        employerRefused(user, id, TestData.newRegistrationNumber(), "not in the CCSS employer register");

        get(user, id).statusCode(200).body("steps.employer.registrationNumber", equalTo(registered))
                .body("steps.employer.legalName", equalTo("Employer " + registered));
        assertEquals(registered, text("select employer from certification_request where id = '" + id + "'"));
        assertEquals(before, text("select updated_at::text from certification_request where id = '" + id + "'"));
    }

    @Test
    void aCeasedEmployerIsRefused() {
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        String ceased = TestRegister.awaitNewEmployer();
        TestRegister.cease(ceased);
        TestRegister.awaitKnown(ceased, "CEASED");

        employerRefused(user, id, ceased, "ceased");
        get(user, id).statusCode(200).body("steps.employer", nullValue());
    }

    @Test
    void aProfessionalAgentIsNotAnEmployer() {
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        employerRefused(user, id, TestRegister.awaitNewAgent(), "registered as a professional agent, not an employer");
        get(user, id).statusCode(200).body("steps.employer", nullValue());
        assertEquals(0, count("select count(*) from certification_request where id = '" + id
                + "' and employer is not null"));
    }

    @Test
    void aTypedLegalNameOrAddressIsIgnoredAndTheRegistersTravelsWithTheRequest() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String employer = TestRegister.awaitNewEmployer();
        String agent = TestRegister.awaitNewAgent();
        Map<String, Object> forged = Map.of("street", "Forged Street", "number", "9", "postcode", "L-9999",
                "locality", "Nowhere", "country", "LU");
        Map<String, Object> agentBody = agent(agent, "Fiduciaire", "BILLING");
        agentBody.put("name", "Forged Fiduciary");
        agentBody.put("address", forged);
        String id = completeDraft(user, space, employer, "de", "Register-1", agents(false, List.of(agentBody)));
        Map<String, Object> employerBody = new LinkedHashMap<>(employer(employer, "de"));
        employerBody.put("legalName", "Forged Employer S.A.");
        employerBody.put("address", forged);
        put(user, id, "employer", employerBody).statusCode(200)
                .body("steps.employer.legalName", equalTo("Employer " + employer))
                .body("steps.employer.address.street", equalTo(TestRegister.EMPLOYER_ADDRESS.street()))
                .body("steps.agents.agents[0].name", equalTo("Fiduciaire " + agent))
                .body("steps.agents.agents[0].address.locality", equalTo("Esch-sur-Alzette"));

        post(user, id, "confirm").statusCode(200);
        signAndTransmit(user, id);
        JsonNode event = transmittedEvent(id);
        assertEquals("Employer " + employer, event.at("/employer/legalName").asText());
        assertEquals("de", event.at("/employer/language").asText());
        assertEquals("Fiduciaire " + agent, event.at("/agents/0/name").asText());
        // The event carries no address (v3): the mailing-service takes the register's when it posts the codes.
        assertTrue(event.at("/employer/address").isMissingNode() && event.at("/agents/0/address").isMissingNode());
        assertFalse(event.toString().contains("Forged"), event.toString());
    }

    @Test
    void theOpenApiDocumentShowsBodiesWithoutTypedNamesOrAddresses() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.EmployerStep.properties", not(hasKey("legalName")))
                .body("components.schemas.EmployerStep.properties", not(hasKey("address")))
                .body("components.schemas.EmployerStep.properties", hasKey("language"))
                .body("components.schemas.Agent.properties", not(hasKey("name")))
                .body("components.schemas.Agent.properties", not(hasKey("address")))
                .body("components.schemas.Agent.properties.mandateEndsOn.description",
                        containsString("at most 5 years ahead"));
    }

    // --- the agents step -------------------------------------------------------------------------------------------

    @Test
    void anAgentMustBeAnActiveProfessionalAgentOfTheRegister() {
        String user = newUser();
        String id = draftWithEmployer(user, TestRegister.awaitNewEmployer());
        String employerKind = TestRegister.awaitNewEmployer();
        String ceasedAgent = TestRegister.awaitNewAgent();
        TestRegister.cease(ceasedAgent);
        TestRegister.awaitKnown(ceasedAgent, "CEASED");
        String unknown = TestData.newRegistrationNumber();

        String answer = put(user, id, "agents", agents(false, List.of(agent(employerKind, "Employer", "BILLING"))))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("agents[0].registrationNumber")))
                .body("errors[0].message", containsString("registered as an employer, not a professional agent"))
                .extract().asString();
        assertFalse(answer.contains(employerKind), answer);

        put(user, id, "agents", agents(false, List.of(agent(AGENT_A, "Weber", "AFFILIATIONS"),
                agent(ceasedAgent, "Ceased", "BILLING"), agent(unknown, "Unknown", "EMPLOYER_DATA"))))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("agents[1].registrationNumber",
                        "agents[2].registrationNumber")))
                .body("errors[0].message", containsString("ceased"))
                .body("errors[1].message", containsString("not in the CCSS employer register"));
        get(user, id).statusCode(200).body("steps.agents", nullValue());
        assertEquals(0, count("select count(*) from certification_agent where request_id = '" + id + "'"));
    }

    @Test
    void aMandateEndDateLiesAfterTodayAndWithinTheConfiguredYears() {
        String user = newUser();
        String id = draftWithEmployer(user, TestRegister.awaitNewEmployer());
        for (LocalDate refused : List.of(today().plusYears(5).plusDays(1), today().plusYears(30), today(),
                today().minusDays(1))) {
            put(user, id, "agents", agents(false, List.of(agentEnding(AGENT_A, refused.toString()))))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("agents[0].mandateEndsOn")));
        }
        put(user, id, "agents", agents(false, List.of(agentEnding(AGENT_A, today().plusYears(6).toString()))))
                .statusCode(400).body("errors[0].message", containsString("at most 5 years ahead"));
        put(user, id, "agents", agents(false, List.of(agentEnding(AGENT_A, today().toString()))))
                .statusCode(400).body("errors[0].message", containsString("after today"));
        put(user, id, "agents", agents(false, List.of(agentEnding(AGENT_A, "2027-02-30"))))
                .statusCode(400).body("errors.field", hasItem("agents[0].mandateEndsOn"));
        get(user, id).statusCode(200).body("steps.agents", nullValue());
        assertEquals(0, count("select count(*) from certification_agent where request_id = '" + id + "'"));

        put(user, id, "agents", agents(false, List.of(agentEnding(AGENT_A, today().plusYears(5).toString()),
                agent(AGENT_C, "Payroll", "AFFILIATIONS")))).statusCode(200)
                .body("steps.agents.agents[0].mandateEndsOn", equalTo(today().plusYears(5).toString()))
                .body("steps.agents.agents[1].mandateEndsOn", nullValue());
    }

    @Test
    void aValidMandateEndDateIsShownOnTheDocumentAndCarriedInRequestTransmitted() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        LocalDate endsOn = today().plusYears(2);
        String id = completeDraft(user, space, TestRegister.awaitNewEmployer(), "en", "Mandate-1",
                agents(false, List.of(agentEnding(AGENT_A, endsOn.toString()),
                        agent(AGENT_C, "Payroll", "AFFILIATIONS"))));
        get(user, id).statusCode(200).body("steps.agents.agents[0].mandateEndsOn", equalTo(endsOn.toString()));
        assertEquals(endsOn.toString(), text("select mandate_ends_on::text from certification_agent "
                + "where request_id = '" + id + "' and position = 0"));

        post(user, id, "confirm").statusCode(200);
        String pdf = pdfText(user, id);
        assertTrue(pdf.contains("Mandate ends on"), pdf);
        assertTrue(pdf.contains(String.valueOf(endsOn.getYear())), pdf);
        signAndTransmit(user, id);
        JsonNode event = transmittedEvent(id);
        assertEquals(endsOn.toString(), event.at("/agents/0/mandateEndsOn").asText());
        assertTrue(event.at("/agents/1/mandateEndsOn").isNull() || event.at("/agents/1/mandateEndsOn").isMissingNode(),
                event.toString());
    }

    // --- confirm re-reads the register ---------------------------------------------------------------------------

    @Test
    void aRegisterChangeBeforeConfirmReachesTheDocumentAndTheEvent() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String employer = TestRegister.awaitNewEmployer();
        String agent = TestRegister.awaitNewAgent();
        String id = completeDraft(user, space, employer, "fr", "Moved-123",
                agents(false, List.of(agent(agent, "Fiduciaire", "BILLING"))));

        PostalAddress moved = new PostalAddress("Boulevard Royal", "7", "L-2449", "Luxembourg", "LU");
        update(employer, PartyKind.EMPLOYER, "Renamed Employer S.A.", moved);
        PostalAddress agentMoved = new PostalAddress("Grand-Rue", "12", "L-9050", "Ettelbruck", "LU");
        update(agent, PartyKind.PROFESSIONAL_AGENT, "Renamed Fiduciaire S.à r.l.", agentMoved);

        post(user, id, "confirm").statusCode(200)
                .body("steps.employer.legalName", equalTo("Renamed Employer S.A."))
                .body("steps.employer.address.street", equalTo("Boulevard Royal"))
                .body("steps.agents.agents[0].name", equalTo("Renamed Fiduciaire S.à r.l."))
                .body("steps.agents.agents[0].address.locality", equalTo("Ettelbruck"));
        String pdf = pdfText(user, id);
        for (String expected : List.of("Renamed Employer S.A.", "Boulevard Royal", "L-2449 Luxembourg",
                "Renamed Fiduciaire S.à r.l.", "L-9050 Ettelbruck")) {
            assertTrue(pdf.contains(expected), expected + " in " + pdf);
        }
        assertFalse(pdf.contains("Rue du Registre"), pdf);

        signAndTransmit(user, id);
        JsonNode event = transmittedEvent(id);
        assertEquals("Renamed Employer S.A.", event.at("/employer/legalName").asText());
        assertEquals("Renamed Fiduciaire S.à r.l.", event.at("/agents/0/name").asText());
        assertFalse(event.toString().contains("L-2449") || event.toString().contains("Ettelbruck"), event.toString());
    }

    @Test
    void anEmployerCeasedBeforeConfirmIsRefusedAndNothingChanges() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String employer = TestRegister.awaitNewEmployer();
        String id = completeDraft(user, space, employer, "fr", "Ceased-123");
        TestRegister.cease(employer);
        TestRegister.awaitKnown(employer, "CEASED");

        String answer = post(user, id, "confirm").statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("employer.registrationNumber")))
                .body("errors[0].message", containsString("ceased"))
                .extract().asString();
        assertFalse(answer.contains(employer), answer);
        get(user, id).statusCode(200).body("state", equalTo("DRAFT"))
                .body("steps.employer.legalName", equalTo("Employer " + employer))
                .body("timeline.kind", not(hasItem("CONFIRMED")));
        assertEquals(0, count("select count(*) from request_document where request_id = '" + id + "'"));
    }

    @Test
    void aMandateEndDateThatIsNoLongerAheadRefusesConfirm() throws Exception {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String id = completeDraft(user, space, TestRegister.awaitNewEmployer(), "fr", "Elapsed-1",
                agents(false, List.of(agentEnding(AGENT_A, today().plusDays(1).toString()))));
        // As if the draft had waited until its agent's mandate end date went by.
        Fixtures.update("update certification_agent set mandate_ends_on = current_date - 1 where request_id = '"
                + id + "'");

        post(user, id, "confirm").statusCode(400)
                .body("errors.field", equalTo(List.of("agents[0].mandateEndsOn")));
        get(user, id).statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void anAgentCeasedBeforeConfirmIsRefusedNamingIt() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String agent = TestRegister.awaitNewAgent();
        String id = completeDraft(user, space, TestRegister.awaitNewEmployer(), "fr", "Ceased-456",
                agents(false, List.of(agent(AGENT_A, "Weber", "AFFILIATIONS"), agent(agent, "Fid", "BILLING"))));
        TestRegister.cease(agent);
        TestRegister.awaitKnown(agent, "CEASED");

        post(user, id, "confirm").statusCode(400)
                .body("errors.field", equalTo(List.of("agents[1].registrationNumber")));
        get(user, id).statusCode(200).body("state", equalTo("DRAFT"));
        assertEquals(0, count("select count(*) from request_document where request_id = '" + id + "'"));
    }
}
