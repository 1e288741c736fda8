package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.platform.problem.Problem;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static lu.ccss.guichet.certification.Fixtures.open;
import static lu.ccss.guichet.certification.Fixtures.openDraft;
import static lu.ccss.guichet.certification.Fixtures.put;
import static lu.ccss.guichet.certification.Fixtures.securityCode;
import static lu.ccss.guichet.certification.Fixtures.spaceWithMember;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13, finding 5: what one signed-in person can make the service do is bounded. */
@QuarkusTest
class AbuseLimitsTest {

    @Test
    void aSpaceHasAtMostTenOpenRequests() {
        String user = Tokens.newUser();
        UUID space = spaceWithMember(user);
        for (int i = 0; i < 10; i++) {
            openDraft(user, space);
        }
        open(user, space).statusCode(409).body("detail", containsString("10 open certification requests"));
        assertEquals(10, TestDatabase.count("select count(*) from certification_request where space_id = '" + space
                + "'"));
    }

    @Test
    void aPersonSavesAtMostTwentySecurityCodesAnHour() {
        String user = Tokens.newUser();
        String id = openDraft(user, spaceWithMember(user));
        for (int i = 0; i < 20; i++) {
            put(user, id, "security-code", securityCode("Lux-2026!" + (char) ('a' + i))).statusCode(200);
        }
        put(user, id, "security-code", securityCode("Lux-2026!z")).statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }

    @Test
    void anAgentNamesAtMostTheFourDomainsAndOneErrorIsReportedNotOnePerItem() {
        String user = Tokens.newUser();
        String id = openDraft(user, spaceWithMember(user));
        List<String> many = java.util.Collections.nCopies(3_000, "PENSIONS");
        put(user, id, "agents", Map.of("oneAgentForAllDomains", false, "agents", List.of(Map.of(
                "registrationNumber", Fixtures.AGENT_A, "email", "a@example.lu", "domains", many))))
                .statusCode(400)
                .body("errors.findAll { it.field == 'agents[0].domains' }.size()", equalTo(1))
                .body("errors.size()", org.hamcrest.Matchers.lessThanOrEqualTo(Problem.MAX_FIELD_ERRORS));
    }
}
