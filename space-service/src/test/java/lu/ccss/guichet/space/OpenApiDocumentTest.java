package lu.ccss.guichet.space;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The API document quotes the configured values, not placeholders and not numbers written into the code. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void descriptionsShowTheConfiguredLimitsAndDurations() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("A person holds at most 200 spaces."))
                .body(containsString("The invitation is valid 14 days"))
                .body(not(containsString("{guichet.")));
    }

    @Test
    void everyRequestSchemaListsTheFieldsItRequires() {
        // A client, or the OpenAPI fuzz, learns from "required" which fields it may leave out.
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.CreateSpace.required", containsInAnyOrder("name"))
                .body("components.schemas.Invite.required", containsInAnyOrder("name", "email", "nationalId", "role"))
                .body("components.schemas.ChangeRole.required", containsInAnyOrder("role"))
                .body("components.schemas.ReportDomainUse.required",
                        containsInAnyOrder("employer", "domain", "usageKind"));
    }
}
