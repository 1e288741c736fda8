package lu.ccss.guichet.systemtest.fuzz;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Response;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends a {@link FuzzInput} to its operation as the operation's caller. */
public final class FuzzRequests {

    private FuzzRequests() {
    }

    public static Response send(Guichet caller, ApiOperation operation, FuzzInput input) {
        HttpRequest.BodyPublisher body = input.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(operation, input)).method(operation.method(), body);
        if (input.contentType() != null) {
            request.header("Content-Type", input.contentType());
        }
        return caller.send("fuzz " + operation.name(), request);
    }

    static URI uri(ApiOperation operation, FuzzInput input) {
        String path = operation.path();
        for (Map.Entry<String, String> p : input.pathValues().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        String query = input.query().entrySet().stream().map(q -> encode(q.getKey()) + "=" + encode(q.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(operation.baseUri() + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** Percent-encodes every byte but RFC 3986's unreserved characters, so a value stays one path segment. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
