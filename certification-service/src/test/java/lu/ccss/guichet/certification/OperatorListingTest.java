package lu.ccss.guichet.certification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import lu.ccss.guichet.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static lu.ccss.guichet.certification.Fixtures.*;
import static lu.ccss.guichet.testing.Tokens.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OperatorListingTest {

    private static RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator("operator-" + UUID.randomUUID()));
    }

    @Test
    void operatorsFollowRequestsByStatePagedNewestFirst() {
        String user = newUser();
        UUID space = spaceWithMember(user);
        String sent = transmitted(user, space, "Operator-1");
        String first = openDraft(user, space);
        String newest = openDraft(user, space);

        operator().queryParam("state", "DRAFT").queryParam("size", 1)
                .when().get("/api/operator/certification-requests")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(newest))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("totalItems", greaterThanOrEqualTo(2))
                .body("totalPages", greaterThanOrEqualTo(2));
        operator().queryParam("state", "draft").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/operator/certification-requests")
                .then().statusCode(200).body("items[0].id", equalTo(first));
        String page = operator().queryParam("state", "TRANSMITTED")
                .when().get("/api/operator/certification-requests")
                .then().statusCode(200)
                .body("items.id", hasItem(sent))
                .body("items.state", everyItem(equalTo("TRANSMITTED")))
                .body("items.size()", lessThanOrEqualTo(20))
                .body("items.find { it.id == '" + sent + "' }.employer", equalTo(EMPLOYER))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("argon2") || page.contains("Operator-1"));
        operator().when().get("/api/operator/certification-requests")
                .then().statusCode(200).body("items.id", hasItem(newest))
                .body("items.state", hasItem("DRAFT"));
    }

    @Test
    void badQueriesAreNamed() {
        operator().queryParam("state", "OPEN").when().get("/api/operator/certification-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        operator().queryParam("size", 0).queryParam("page", -1).when().get("/api/operator/certification-requests")
                .then().statusCode(400).body("errors.field", hasItem("size")).body("errors.field", hasItem("page"));
        operator().queryParam("size", 101).when().get("/api/operator/certification-requests")
                .then().statusCode(400).body("detail", containsString("1 to 100"));
        operator().queryParam("page", "two").when().get("/api/operator/certification-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void onlyOperatorsMayList() {
        given().auth().oauth2(Tokens.user(newUser())).when().get("/api/operator/certification-requests")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.domainSystem()).when().get("/api/operator/certification-requests")
                .then().statusCode(403);
        given().when().get("/api/operator/certification-requests").then().statusCode(401);
        // An operator is not a space member: the filer's endpoints stay closed.
        String user = newUser();
        String id = openDraft(user, spaceWithMember(user));
        operator().when().get("/api/certification-requests/" + id).then().statusCode(403)
                .body("detail", not(containsString(id)));
    }
}
