package lu.ccss.guichet.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** A national number in a request's path or query never reaches an exported span. */
@QuarkusTest
class UrlsOutOfSpansTest {

    private static final String NATIONAL_NUMBER = "1985031512345";
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aNationalNumberInTheRequestsPathOrQueryIsReplacedInItsSpan() throws InterruptedException {
        given().get("/api/operator/register/employers/" + NATIONAL_NUMBER + "?employer=" + NATIONAL_NUMBER)
                .then().statusCode(401);

        SpanData server = awaitServerSpan();
        assertEquals("/api/operator/register/employers/" + UrlsOutOfSpans.REDACTED,
                server.getAttributes().get(PATH));
        for (SpanData span : spans.getFinishedSpanItems()) {
            assertFalse(span.toString().contains(NATIONAL_NUMBER), span.toString());
        }
    }

    private SpanData awaitServerSpan() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<SpanData> server = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && String.valueOf(s.getAttributes().get(PATH))
                            .startsWith("/api/operator/register/employers/")).toList();
            if (!server.isEmpty()) {
                return server.get(0);
            }
            Thread.sleep(50);
        }
        fail("No server span for the register request: " + spans.getFinishedSpanItems());
        return null;
    }
}
