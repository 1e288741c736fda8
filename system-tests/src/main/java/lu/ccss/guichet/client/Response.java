package lu.ccss.guichet.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * One answer of the platform, as a client gets it.
 *
 * @param endpoint the call, as {@code VERB /path/{template}} (the name its latency is recorded under)
 */
public record Response(String endpoint, int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return Json.read(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The id at the end of the {@code Location} header of a 201. */
    public UUID locationId() {
        String location = header("Location").orElseThrow(() -> new UnexpectedResponse(this, "no Location header"));
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** This answer if its status is one of {@code expected}; otherwise fails with the status and body. */
    public Response expect(int... expected) {
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new UnexpectedResponse(this, "expected HTTP " + Arrays.toString(expected));
        }
        return this;
    }

    @Override
    public String toString() {
        String shown = contentType().startsWith("application/pdf") || contentType().startsWith("application/zip")
                || contentType().startsWith("application/vnd.ccss.sealed-download")
                ? "<" + body.length + " bytes of " + contentType() + ">" : text();
        return endpoint + " -> HTTP " + status + " " + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown);
    }

    /** An answer the caller did not expect: fails a test, or a benchmark flow, with what came back. */
    public static final class UnexpectedResponse extends AssertionError {
        private final transient Response response;

        public UnexpectedResponse(Response response, String why) {
            super(why + ": " + response);
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }
}
