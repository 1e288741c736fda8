package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CertificationEvents;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.MandateEvents.CodeKind;
import lu.ccss.guichet.events.MandateEvents.RevocationReason;
import lu.ccss.guichet.mandate.domain.Times;
import lu.ccss.guichet.mandate.service.MandateExpiry;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TestDatabase;
import lu.ccss.guichet.testing.TestRegister;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.mandate.Scenario.HOLDER_SECURITY_CODE;
import static lu.ccss.guichet.mandate.Scenario.authorization;
import static lu.ccss.guichet.mandate.Scenario.certify;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static lu.ccss.guichet.testing.TestDatabase.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 12, point 4: agent mandates end on their end date, and every mandate of a ceased party ends. */
@QuarkusTest
class MandatesThatEndTest {

    @Inject
    MandateExpiry expiry;

    @Test
    void anAgentMandateExpiresAtTheStartOfItsEndDayInLuxembourg() {
        String employer = TestData.newRegistrationNumber();
        LocalDate endsOn = LocalDate.now(Times.LUXEMBOURG).plusDays(30);
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", endsOn, Domain.BILLING);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String mandate = Scenario.certifiedAgentMandate(accountant, agentSpace, issued, agent, Domain.BILLING);

        assertEquals(1, count("select count(*) from mandate where id = '" + mandate + "' and expires_at = '"
                + endsOn.atStartOfDay(Times.LUXEMBOURG).toInstant() + "'"), "expires as the end day starts");
        authorization(agentSpace, employer, Domain.BILLING).body("authorized", equalTo(true));
        given().auth().oauth2(Tokens.user(accountant)).when().get("/api/spaces/" + agentSpace + "/certifications")
                .then().statusCode(200).body("[0].expiresAt", notNullValue());

        // The end day comes: the answer is no at once, before the job has run.
        TestDatabase.count("with d as (update mandate set expires_at = now() - interval '1 second' where id = '"
                + mandate + "' returning 1) select count(*) from d");
        authorization(agentSpace, employer, Domain.BILLING).body("authorized", equalTo(false));

        expiry.endExpiredMandates();
        expiry.endExpiredMandates();
        assertEquals(1, count("select count(*) from mandate where id = '" + mandate
                + "' and end_reason = 'EXPIRED' and ended_by = 'system:mandate-service'"));
        assertEquals(RevocationReason.EXPIRED, Scenario.revokedEvent(employer, mandate).reason());
        assertNull(Scenario.revokedEvent(employer, mandate).successorSpaceId());
    }

    @Test
    void anAgentMandateWhoseEndDateHasComeCannotBeObtained() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber",
                LocalDate.now(Times.LUXEMBOURG), Domain.AFFILIATIONS);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String accountant = Tokens.newUser();

        certify(accountant, Scenario.spaceOf(accountant), Domain.AFFILIATIONS, Capacity.AGENT,
                issued.code(CodeKind.AGENT_ACCESS, Domain.AFFILIATIONS, agent.registrationNumber()),
                issued.code(CodeKind.AGENT_SECURITY, null))
                .then().statusCode(410).body("detail", containsString("ended on"));
        assertEquals(0, count("select count(*) from mandate where employer = '" + employer + "'"));
        assertEquals(0, count("select count(*) from issued_code where employer = '" + employer
                + "' and kind = 'AGENT_ACCESS' and used_at is not null"), "the code stays unused");
    }

    @Test
    void aCeasedEmployerLosesEveryMandateAndItsUnusedCodes() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String holder = Tokens.newUser();
        UUID holderSpace = Scenario.certifiedHolderSpace(holder, issued, Domain.BILLING);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String agentMandate = Scenario.certifiedAgentMandate(accountant, agentSpace, issued, agent,
                Domain.AFFILIATIONS);

        TestRegister.cease(employer);
        awaitCount("select count(*) from mandate where employer = '" + employer
                + "' and end_reason = 'EMPLOYER_CEASED'", 2);

        authorization(holderSpace, employer, Domain.BILLING).body("authorized", equalTo(false));
        authorization(agentSpace, employer, Domain.AFFILIATIONS).body("authorized", equalTo(false));
        assertEquals(RevocationReason.EMPLOYER_CEASED, Scenario.revokedEvent(employer, agentMandate).reason());
        assertEquals(0, count("select count(*) from issued_code where employer = '" + employer
                + "' and used_at is null and voided_at is null"), "every unused code is void");
        certify(holder, holderSpace, Domain.REMUNERATIONS, Capacity.HOLDER,
                issued.code(CodeKind.HOLDER_ACCESS, Domain.REMUNERATIONS), HOLDER_SECURITY_CODE)
                .then().statusCode(409);
    }

    @Test
    void aCeasedAgentLosesItsMandatesAndTheEmployerKeepsItsOwn() {
        String employer = TestData.newRegistrationNumber();
        CertificationEvents.Agent agent = Scenario.agent("Fiduciaire Weber", Domain.AFFILIATIONS, Domain.BILLING);
        Scenario.Issued issued = Scenario.issueAndPost(employer, agent);
        String holder = Tokens.newUser();
        UUID holderSpace = Scenario.certifiedHolderSpace(holder, issued, Domain.AFFILIATIONS);
        String accountant = Tokens.newUser();
        UUID agentSpace = Scenario.spaceOf(accountant);
        String agentMandate = Scenario.certifiedAgentMandate(accountant, agentSpace, issued, agent,
                Domain.AFFILIATIONS);

        TestRegister.cease(agent.registrationNumber());
        awaitCount("select count(*) from mandate where id = '" + agentMandate + "' and end_reason = 'AGENT_CEASED'",
                1);

        authorization(agentSpace, employer, Domain.AFFILIATIONS).body("authorized", equalTo(false));
        authorization(holderSpace, employer, Domain.AFFILIATIONS).body("authorized", equalTo(true));
        assertEquals(0, count("select count(*) from issued_code where agent_registration_number = '"
                + agent.registrationNumber() + "' and used_at is null and voided_at is null"),
                "the agent's unused codes are void");
        assertEquals(1, count("select count(*) from issued_code where employer = '" + employer
                + "' and kind = 'HOLDER_ACCESS' and used_at is null and voided_at is null and domain = 'BILLING'"),
                "the employer's own codes stay usable");
    }

    @Test
    void noCodesAreIssuedForAnEmployerTheRegisterSaysCeased() {
        String employer = TestData.newRegistrationNumber();
        TestRegister.cease(employer);
        TestRegister.awaitKnown(employer, "CEASED");

        UUID requestId = Scenario.transmit(employer, java.util.List.of());
        awaitCount("select count(*) from audit_entry where request_id = '" + requestId
                + "' and action = 'CODES_ISSUED' and outcome = 'REFUSED'", 1);
        assertEquals(0, count("select count(*) from issued_code where request_id = '" + requestId + "'"));
    }
}
