package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every input rule of every step: a problem+json 400 naming the field, and nothing written. */
@QuarkusTest
class StepValidationTest {

    private String user;
    private String id;

    @BeforeEach
    void draft() {
        user = newUser();
        UUID space = spaceWithMember(user);
        id = openDraft(user, space);
    }

    private void rejects(String step, Object body, String... fields) {
        put(user, id, step, body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems(fields));
    }

    private static Map<String, Object> with(Map<String, Object> base, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = deepCopy(base);
        change.accept(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    @Test
    void acknowledgementsMustBeTrue() {
        rejects("information", Map.of("acknowledged", false), "acknowledged");
        rejects("warning", Map.of(), "acknowledged");
        rejects("warning", "{\"acknowledged\": \"maybe\"}", "acknowledged");
        get(user, id).statusCode(200).body("steps.information.acknowledged", equalTo(false))
                .body("steps.warning.acknowledged", equalTo(false));
    }

    @Test
    void filerRulesNameEachField() {
        rejects("filer", Map.of(), "lastName", "firstName", "email", "phone");
        rejects("filer", with(filer(), f -> f.put("lastName", "x".repeat(101))), "lastName");
        rejects("filer", with(filer(), f -> f.put("firstName", "   ")), "firstName");
        rejects("filer", with(filer(), f -> f.put("email", "claire.schmit@")), "email");
        rejects("filer", with(filer(), f -> f.put("email", "claire schmit@example.lu")), "email");
        rejects("filer", with(filer(), f -> f.put("phone", "621 123 456")), "phone");
        rejects("filer", with(filer(), f -> f.put("phone", "+352 62")), "phone");
        rejects("filer", with(filer(), f -> f.put("phone", "+352 621 123 456 789 01")), "phone");
        rejects("filer", "{\"lastName\": [\"a\"]}", "lastName");
        put(user, id, "filer", "{\"lastName\": ").statusCode(400).contentType("application/problem+json");
        get(user, id).statusCode(200).body("steps.filer", nullValue());
        assertEquals(0, count("select count(*) from certification_request where id = '" + id
                + "' and filer_last_name is not null"));

        put(user, id, "filer", with(filer(), f -> f.put("lastName", "x".repeat(100)))).statusCode(200)
                .body("steps.filer.lastName", equalTo("x".repeat(100)));
    }

    @Test
    void employerRulesNameEachField() {
        Map<String, Object> valid = employer(EMPLOYER, "fr");
        rejects("employer", Map.of(), "registrationNumber", "language");
        rejects("employer", with(valid, e -> e.put("registrationNumber", "198001011230")), "registrationNumber");
        rejects("employer", with(valid, e -> e.put("registrationNumber", "1980010112312")), "registrationNumber");
        rejects("employer", with(valid, e -> e.put("registrationNumber", "1980010112303")), "registrationNumber");
        rejects("employer", with(valid, e -> e.put("registrationNumber", "17991231456")), "registrationNumber");
        rejects("employer", with(valid, e -> e.put("registrationNumber", "LU1980010112")), "registrationNumber");
        rejects("employer", with(valid, e -> e.put("language", "it")), "language");
        get(user, id).statusCode(200).body("steps.employer", nullValue());

        put(user, id, "employer", with(valid, e -> {
            e.put("registrationNumber", "1980 0101 123 02");
            e.put("language", "DE");
        })).statusCode(200)
                .body("steps.employer.registrationNumber", equalTo(EMPLOYER))
                .body("steps.employer.language", equalTo("de"))
                .body("steps.employer.legalName", equalTo(EMPLOYER_NAME))
                .body("steps.employer.address.postcode", equalTo("L-1931"));
        put(user, id, "employer", with(valid, e -> e.put("registrationNumber", OTHER_EMPLOYER))).statusCode(200)
                .body("steps.employer.registrationNumber", equalTo(OTHER_EMPLOYER));
    }

    @Test
    void agentsRulesNameEachField() {
        put(user, id, "employer", employer(EMPLOYER, "fr")).statusCode(200);
        Map<String, Object> weber = agent(AGENT_A, "Fiduciaire Weber", "AFFILIATIONS", "REMUNERATIONS");
        Map<String, Object> payroll = agent(AGENT_C, "Payroll Services", "BILLING");

        rejects("agents", Map.of("agents", List.of()), "oneAgentForAllDomains");
        rejects("agents", agents(true, List.of(weber, payroll)), "agents");
        rejects("agents", agents(true, List.of()), "agents");
        rejects("agents", agents(false, List.of(weber, agent(AGENT_C, "Payroll", "REMUNERATIONS"))),
                "agents[1].domains");
        rejects("agents", agents(false, List.of(agent(AGENT_A, "Weber", "AFFILIATIONS", "AFFILIATIONS"))),
                "agents[0].domains[1]");
        rejects("agents", agents(false, List.of(agent(AGENT_A, "Weber", "PAYROLL"))), "agents[0].domains[0]");
        rejects("agents", agents(false, List.of(agent(AGENT_A, "Weber"))), "agents[0].domains");
        rejects("agents", agents(false, List.of(agent(EMPLOYER, "Itself", "BILLING"))),
                "agents[0].registrationNumber");
        rejects("agents", agents(false, List.of(agent(AGENT_A, "Weber", "BILLING"),
                agent(AGENT_A, "Weber again", "AFFILIATIONS"))), "agents[1].registrationNumber");
        rejects("agents", agents(false, List.of(agent("1975061500480", "Weber", "BILLING"))),
                "agents[0].registrationNumber");
        rejects("agents", agents(false, List.of(with(weber, a -> {
            a.put("email", "nope");
            a.remove("domains");
        }))), "agents[0].email", "agents[0].domains");
        rejects("agents", agents(false, List.of(with(weber, a -> a.put("mandateEndsOn", "31/12/2027")))),
                "agents[0].mandateEndsOn");
        rejects("agents", agents(false, List.of(weber, payroll, agent(OTHER_EMPLOYER, "Third", "EMPLOYER_DATA"),
                agent("1993123145602", "Fourth", "EMPLOYER_DATA"), agent("1998220456700", "Fifth", "BILLING"))),
                "agents");
        get(user, id).statusCode(200).body("steps.agents", nullValue())
                .body("missingSteps", hasItem("agents"));
        assertEquals(0, count("select count(*) from certification_agent where request_id = '" + id + "'"));

        put(user, id, "agents", agents(true, List.of(agent(AGENT_A, "Weber", "AFFILIATIONS", "REMUNERATIONS",
                "EMPLOYER_DATA", "BILLING")))).statusCode(200)
                .body("steps.agents.oneAgentForAllDomains", equalTo(true))
                .body("steps.agents.agents", hasSize(1));
        put(user, id, "agents", agents(false, List.of(weber, payroll))).statusCode(200)
                .body("steps.agents.agents.registrationNumber", equalTo(List.of(AGENT_A, AGENT_C)));
        put(user, id, "agents", agents(false, List.of())).statusCode(200)
                .body("steps.agents.agents", hasSize(0))
                .body("missingSteps", not(hasItem("agents")));
        assertEquals(0, count("select count(*) from certification_agent where request_id = '" + id + "'"));
    }

    @Test
    void theEmployerIsNeverOneOfItsAgentsWhicheverStepComesFirst() {
        put(user, id, "agents", agents(false, List.of(agent(AGENT_A, "Weber", "BILLING")))).statusCode(200);
        rejects("employer", employer(AGENT_A, "fr"), "registrationNumber");
        get(user, id).statusCode(200).body("steps.employer", nullValue());
    }

    @Test
    void securityCodeRulesNameTheFieldAndNeverEchoTheCode() {
        String tooLong = "Abcdefgh-12";
        String odd = "Abc def!";
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("code", "Ab-12", "confirmation", "Ab-12"),
                Map.of("code", tooLong, "confirmation", tooLong),
                Map.of("code", odd, "confirmation", odd),
                Map.of("code", "Abcdéf-1", "confirmation", "Abcdéf-1"))) {
            String answer = put(user, id, "security-code", body).statusCode(400)
                    .body("errors.field", equalTo(List.of("code"))).extract().asString();
            assertFalse(answer.contains(body.get("code").toString()), answer);
        }
        String mismatch = put(user, id, "security-code", Map.of("code", "Right-123", "confirmation", "Wrong-123"))
                .statusCode(400).body("errors.field", equalTo(List.of("confirmation")))
                .body("detail", containsString("does not match")).extract().asString();
        assertFalse(mismatch.contains("Right-123") || mismatch.contains("Wrong-123"));
        Map<String, Object> noConfirmation = new HashMap<>();
        noConfirmation.put("code", "Right-123");
        rejects("security-code", noConfirmation, "confirmation");
        rejects("security-code", Map.of(), "code", "confirmation");
        get(user, id).statusCode(200).body("steps.securityCode.chosen", equalTo(false));
        assertEquals(0, count("select count(*) from certification_request where id = '" + id
                + "' and security_code_hash is not null"));

        put(user, id, "security-code", securityCode("aB3-_.!?@#")).statusCode(200)
                .body("steps.securityCode.chosen", equalTo(true));
    }
}
