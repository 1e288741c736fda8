package lu.ccss.guichet.certification;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.SpaceEvents;
import lu.ccss.guichet.testing.TestRegister;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.connect;
import static lu.ccss.guichet.testing.TestDatabase.count;

/** Test data and the steps of the wizard, through the REST API and the broker as users and services use them. */
final class Fixtures {

    /**
     * Valid registration numbers (Luhn 12th and Verhoeff 13th digit computed independently; AGENT_C has 11 digits),
     * each registered once in the employer register as {@link #registerKnownParties()} says. Tests that change a
     * register entry (cessation, update) use numbers of their own ({@code TestRegister.awaitNewEmployer()}).
     */
    static final String EMPLOYER = "1980010112302";
    static final String AGENT_A = "1975061500484";
    static final String OTHER_EMPLOYER = "2000022998795";
    static final String AGENT_C = "19931231456";

    static final String EMPLOYER_NAME = "Boulangerie-Pâtisserie Schmit S.à r.l.";
    static final PostalAddress EMPLOYER_ADDRESS = new PostalAddress("Avenue de la Liberté", "23", "L-1931",
            "Luxembourg", "LU");
    static final PostalAddress AGENT_ADDRESS = new PostalAddress("Rue de l'Alzette", "45", "L-4011",
            "Esch-sur-Alzette", "LU");

    private Fixtures() {
    }


    /** A new space whose member is {@code user}, made known to the service as the space-service would. */
    static UUID spaceWithMember(String user) {
        registerKnownParties();
        UUID spaceId = UUID.randomUUID();
        addMember(spaceId, user);
        return spaceId;
    }

    /**
     * Registers the employers and agents of the constants above in the employer register (through the broker, as
     * the register does) unless this service's projection already holds them all, and waits until it does.
     */
    static void registerKnownParties() {
        List<String> known = List.of(EMPLOYER, OTHER_EMPLOYER, AGENT_A, AGENT_C);
        String all = "select count(*) from register_entry where status = 'ACTIVE' and registration_number in ('"
                + String.join("', '", known) + "')";
        if (count(all) == known.size()) {
            return;
        }
        TestRegister.register(EMPLOYER, PartyKind.EMPLOYER, EMPLOYER_NAME, EMPLOYER_ADDRESS, "fr");
        TestRegister.register(OTHER_EMPLOYER, PartyKind.EMPLOYER, "Garage Muller S.A.", EMPLOYER_ADDRESS, "de");
        TestRegister.register(AGENT_A, PartyKind.PROFESSIONAL_AGENT, "Fiduciaire Weber", AGENT_ADDRESS, "fr");
        TestRegister.register(AGENT_C, PartyKind.PROFESSIONAL_AGENT, "Payroll Services Lux", AGENT_ADDRESS, "en");
        awaitCount(all, known.size());
    }

    static void addMember(UUID spaceId, String user) {
        TopicWriter.publish(EventTypes.MEMBER_ADDED, spaceId.toString(), new SpaceEvents.MemberAdded(spaceId, user,
                MemberRole.ADMINISTRATOR, user, Instant.now()));
        awaitCount("select count(*) from space_member where space_id = '" + spaceId + "' and user_id = '" + user
                + "'", 1);
    }

    static ValidatableResponse open(String user, UUID spaceId) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("spaceId", spaceId.toString()))
                .when().post("/api/certification-requests").then();
    }

    static String openDraft(String user, UUID spaceId) {
        return open(user, spaceId).statusCode(201).extract().path("id");
    }

    static ValidatableResponse put(String user, String requestId, String step, Object body) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().put("/api/certification-requests/" + requestId + "/steps/" + step).then();
    }

    static ValidatableResponse post(String user, String requestId, String action) {
        return given().auth().oauth2(Tokens.user(user))
                .when().post("/api/certification-requests/" + requestId + "/" + action).then();
    }

    static ValidatableResponse get(String user, String requestId) {
        return given().auth().oauth2(Tokens.user(user))
                .when().get("/api/certification-requests/" + requestId).then();
    }

    static Map<String, Object> acknowledged() {
        return Map.of("acknowledged", true);
    }

    static Map<String, Object> filer() {
        return Map.of("lastName", "Schmit", "firstName", "Claire", "email", "claire.schmit@boulangerie-schmit.lu",
                "phone", "+352 621 123 456");
    }

    /** The employer step's body: the register gives the legal name and the address. */
    static Map<String, Object> employer(String registrationNumber, String language) {
        Map<String, Object> employer = new LinkedHashMap<>();
        employer.put("registrationNumber", registrationNumber);
        employer.put("language", language);
        return employer;
    }

    /** An agent of the agents step's body; {@code mailbox} only makes its e-mail address (the register names it). */
    static Map<String, Object> agent(String registrationNumber, String mailbox, String... domains) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("registrationNumber", registrationNumber);
        agent.put("email", "mandats@" + mailbox.toLowerCase().replaceAll("[^a-z]", "") + ".lu");
        agent.put("domains", List.of(domains));
        return agent;
    }

    static Map<String, Object> agents(boolean oneForAll, List<Map<String, Object>> agents) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("oneAgentForAllDomains", oneForAll);
        step.put("agents", agents);
        return step;
    }

    static Map<String, Object> twoAgents() {
        return agents(false, List.of(
                agent(AGENT_A, "Fiduciaire Weber", "AFFILIATIONS", "REMUNERATIONS"),
                agent(AGENT_C, "Payroll Services Lux", "BILLING")));
    }

    static Map<String, Object> securityCode(String code) {
        return Map.of("code", code, "confirmation", code);
    }

    /** A draft with every step saved. */
    static String completeDraft(String user, UUID spaceId, String employer, String language, String code) {
        return completeDraft(user, spaceId, employer, language, code, twoAgents());
    }

    /** A draft with every step saved, its agents step being {@code agentsStep}. */
    static String completeDraft(String user, UUID spaceId, String employer, String language, String code,
                                Map<String, Object> agentsStep) {
        String id = openDraft(user, spaceId);
        put(user, id, "information", acknowledged()).statusCode(200);
        put(user, id, "warning", acknowledged()).statusCode(200);
        put(user, id, "filer", filer()).statusCode(200);
        put(user, id, "employer", employer(employer, language)).statusCode(200);
        put(user, id, "agents", agentsStep).statusCode(200);
        put(user, id, "security-code", securityCode(code)).statusCode(200);
        return id;
    }

    /** A request taken all the way to TRANSMITTED. */
    static String transmitted(String user, UUID spaceId, String code) {
        String id = completeDraft(user, spaceId, EMPLOYER, "fr", code);
        post(user, id, "confirm").statusCode(200);
        post(user, id, "signature").statusCode(200);
        post(user, id, "transmit").statusCode(200);
        return id;
    }




    static int update(String sql) throws SQLException {
        try (Connection c = connect()) {
            return c.createStatement().executeUpdate(sql);
        }
    }



}
