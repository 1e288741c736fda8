package lu.ccss.guichet.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** As in production by default: no API documentation, no metrics, health still answers. */
@QuarkusTest
@TestProfile(ClosedInternalsTest.AsInProduction.class)
class ClosedInternalsTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.http.public-docs", "false", "guichet.http.public-metrics", "false");
        }
    }

    @Test
    void docsAndMetricsAreNotServedUnlessSwitchedOn() {
        given().when().get("/q/openapi").then().statusCode(404);
        given().when().get("/q/openapi.json").then().statusCode(404);
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().when().get("/q/swagger-ui/index.html").then().statusCode(404);
        given().when().get("/q/asyncapi").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
