package lu.ccss.guichet.platform.register;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.EmployerCeased;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import lu.ccss.guichet.events.RegisterEvents.EmployerUpdated;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.Tokens;
import lu.ccss.guichet.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.testing.TestDatabase.awaitCount;
import static org.hamcrest.Matchers.equalTo;

/** The register's events, published through the real broker, become the entries an operator looks up. */
@QuarkusTest
class EmployerRegisterTest {

    private static final PostalAddress ESCH = new PostalAddress("Rue de l'Alzette", "12", "L-4011",
            "Esch-sur-Alzette", "LU");
    private static final PostalAddress LUXEMBOURG = new PostalAddress("Boulevard Royal", "26", "L-2449",
            "Luxembourg", "LU");

    private static void register(String number, PartyKind kind, String name, PostalAddress address) {
        TopicWriter.publish(EventTypes.EMPLOYER_REGISTERED, number,
                new EmployerRegistered(number, kind, name, address, "fr", Instant.now()));
    }

    private static io.restassured.response.ValidatableResponse lookUp(String token, String number) {
        return given().auth().oauth2(token).when().get("/api/operator/register/employers/" + number).then();
    }

    @Test
    void anOperatorSeesTheEntryAsTheRegisterLastSaidIt() {
        String number = TestData.newRegistrationNumber();
        register(number, PartyKind.EMPLOYER, "Boulangerie Muller", ESCH);
        TopicWriter.publish(EventTypes.EMPLOYER_UPDATED, number, new EmployerUpdated(number, PartyKind.EMPLOYER,
                "Boulangerie Muller S.à r.l.", LUXEMBOURG, "de", Instant.now()));
        awaitCount("select count(*) from register_entry where registration_number = '" + number
                + "' and language = 'de'", 1);

        lookUp(Tokens.operator("op-1"), number).statusCode(200)
                .body("registrationNumber", equalTo(number))
                .body("kind", equalTo("EMPLOYER"))
                .body("legalName", equalTo("Boulangerie Muller S.à r.l."))
                .body("address.postcode", equalTo("L-2449"))
                .body("language", equalTo("de"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aCeasedEntryStaysCeasedWhateverArrivesAfter() {
        String number = TestData.newRegistrationNumber();
        register(number, PartyKind.PROFESSIONAL_AGENT, "Fiduciaire Weber", LUXEMBOURG);
        TopicWriter.publish(EventTypes.EMPLOYER_CEASED, number, new EmployerCeased(number, Instant.now()));
        TopicWriter.publish(EventTypes.EMPLOYER_UPDATED, number, new EmployerUpdated(number,
                PartyKind.PROFESSIONAL_AGENT, "Fiduciaire Weber S.A.", LUXEMBOURG, "fr", Instant.now()));
        awaitCount("select count(*) from register_entry where registration_number = '" + number
                + "' and legal_name = 'Fiduciaire Weber S.A.'", 1);

        lookUp(Tokens.operator("op-1"), number).statusCode(200).body("status", equalTo("CEASED"));
    }

    @Test
    void aCessationSeenBeforeTheRegistrationIsKept() {
        String number = TestData.newRegistrationNumber();
        TopicWriter.publish(EventTypes.EMPLOYER_CEASED, number, new EmployerCeased(number, Instant.now()));
        register(number, PartyKind.EMPLOYER, "Late Registration", ESCH);
        awaitCount("select count(*) from register_entry where registration_number = '" + number
                + "' and legal_name = 'Late Registration'", 1);

        lookUp(Tokens.operator("op-1"), number).statusCode(200).body("status", equalTo("CEASED"));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String number = TestData.newRegistrationNumber();
        String eventId = java.util.UUID.randomUUID().toString();
        EmployerRegistered event = new EmployerRegistered(number, PartyKind.EMPLOYER, "Twice", ESCH, "en",
                Instant.now());
        TopicWriter.publish(EventTypes.EMPLOYER_REGISTERED, number, eventId, event);
        TopicWriter.publish(EventTypes.EMPLOYER_REGISTERED, number, eventId, event);
        awaitCount("select count(*) from register_entry where registration_number = '" + number + "'", 1);
        awaitCount("select count(*) from processed_event where consumer = 'register-projection' and event_id = '"
                + eventId + "'", 1);
    }

    @Test
    void onlyOperatorsLookUpAndOnlyRealNumbers() {
        lookUp(Tokens.user("someone"), TestData.newRegistrationNumber()).statusCode(403);
        given().when().get("/api/operator/register/employers/" + TestData.newRegistrationNumber()).then()
                .statusCode(401);
        lookUp(Tokens.operator("op-1"), TestData.newRegistrationNumber()).statusCode(404)
                .contentType("application/problem+json");
        lookUp(Tokens.operator("op-1"), "1234").statusCode(400)
                .body("errors[0].field", equalTo("registrationNumber"));
    }
}
