package lu.ccss.guichet.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
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
    private final Retries retries;

    public Http(Latencies latencies) {
        this(latencies, Retries.none());
    }

    public Http(Latencies latencies, Retries retries) {
        this.latencies = latencies;
        this.retries = retries;
    }

    public Retries retries() {
        return retries;
    }

    public Latencies latencies() {
        return latencies;
    }

    /**
     * Sends the request with the bearer token (if any) and records how long the answer took under {@code endpoint}.
     * With {@link Retries}, a connection error or a 5xx is tried again (a {@code POST} with one idempotency key for
     * all its tries) until the budget is spent; the last answer or error is the result.
     */
    public Response send(String endpoint, HttpRequest.Builder request, String bearerToken) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest built = request.timeout(CALL_TIMEOUT).build();
        if (retries.enabled() && "POST".equals(built.method()) && built.headers()
                .firstValue("Idempotency-Key").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).build();
        }
        long deadline = System.nanoTime() + retries.budget().toNanos();
        Duration pause = Retries.FIRST_PAUSE;
        while (true) {
            try {
                Response answer = sendOnce(endpoint, built);
                if (!Retries.worthRetrying(answer.status()) || System.nanoTime() > deadline) {
                    return answer;
                }
            } catch (IllegalStateException e) {
                if (!retries.enabled() || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
            retries.count();
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(Retries.MAX_PAUSE) > 0 ? Retries.MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    private Response sendOnce(String endpoint, HttpRequest built) {
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

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
