package lu.ccss.guichet.systemtest.fuzz;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.systemtest.fuzz.FuzzInput.Kind;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad requests that no operation's schema describes, answered by the HTTP layer of a service (Vert.x, JAX-RS
 * routing and content negotiation, the token check) before any resource runs: an unknown path, a method the path
 * does not have, an Accept the operation cannot produce, no token, an oversized URI or header.
 */
public final class HttpLayerProbes {

    /** One probe and its answer. */
    public record Probe(FuzzInput input, Response answer) {
    }

    private static final String OVERSIZED = "x".repeat(64);

    private HttpLayerProbes() {
    }

    /** Probes the service of {@code read}, a GET by path ids, at the real ids of {@code valid}. */
    public static List<Probe> of(ApiOperation read, Guichet caller, FuzzInput valid) {
        URI known = FuzzRequests.uri(read, valid);
        String base = read.baseUri().toString();
        List<Probe> probes = new ArrayList<>();
        probes.add(send(caller, "unknown path", HttpRequest.newBuilder(URI.create(base + "/api/fuzz/nothing-here"))
                .GET()));
        probes.add(send(caller, "method not allowed (PATCH)", HttpRequest.newBuilder(known)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")));
        probes.add(send(caller, "Accept: application/xml", HttpRequest.newBuilder(known).GET()
                .header("Accept", "application/xml")));
        probes.add(send(caller.anonymous(), "no token", HttpRequest.newBuilder(known).GET()));
        // Past quarkus.http.limits (request line 4 KiB, headers 20 KiB). Vert.x closes the connection after refusing
        // these: a client of their own, so that no other call meets the closed connection. They are refused before
        // any token is looked at, so none is sent.
        Http own = new Http(new Latencies());
        probes.add(oversized(own, "a URI of 10000 characters", HttpRequest.newBuilder(URI.create(base + "/api/"
                + "x".repeat(10_000))).GET()));
        probes.add(oversized(own, "a header of 40000 characters", HttpRequest.newBuilder(known).GET()
                .header("X-Fuzz", "x".repeat(40_000))));
        return probes;
    }

    private static Probe send(Guichet caller, String what, HttpRequest.Builder request) {
        return new Probe(input(what, null), caller.send("fuzz http " + what, request));
    }

    private static Probe oversized(Http http, String what, HttpRequest.Builder request) {
        return new Probe(input(what, OVERSIZED), http.send("fuzz http " + what, request, null));
    }

    private static FuzzInput input(String what, String echoProbe) {
        return new FuzzInput(Kind.HTTP_LAYER, "request", what, Map.of(), Map.of(), null, null, echoProbe);
    }
}
