package lu.ccss.guichet.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The HTTP side of every call: one JDK client for all threads, a timeout on each call, and the latency of each
 * answer recorded under its endpoint's name.
 */
public final class Http {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-client");
                t.setDaemon(true);
                return t;
            }))
            .build();
    private final Latencies latencies;

    public Http(Latencies latencies) {
        this.latencies = latencies;
    }

    public Latencies latencies() {
        return latencies;
    }

    /**
     * Sends the request with the bearer token (if any) and records how long the answer took under {@code endpoint}.
     */
    public Response send(String endpoint, HttpRequest.Builder request, String bearerToken) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest built = request.timeout(CALL_TIMEOUT).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(endpoint + " (" + built.uri() + ") failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(endpoint + " interrupted", e);
        }
        latencies.recordNanos(endpoint, System.nanoTime() - start);
        return new Response(endpoint, answer.statusCode(), answer.headers(), answer.body());
    }

    public static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET();
    }

    public static HttpRequest.Builder delete(URI uri) {
        return HttpRequest.newBuilder(uri).DELETE();
    }

    public static HttpRequest.Builder post(URI uri) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
    }

    public static HttpRequest.Builder postJson(URI uri, Object body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }

    public static HttpRequest.Builder putJson(URI uri, Object body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }

    public static HttpRequest.Builder postForm(URI uri, String form) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }
}
