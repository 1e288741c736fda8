package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Response;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hot endpoints at line rate: wrk (keep-alive, real tokens) against each endpoint for each concurrency, and, in
 * the same run, the same wrk against a trivial unauthenticated endpoint of the same service ({@code /q/health/live}),
 * the HTTP stack's own line rate on this machine, as the ceiling. Prints markdown tables and writes one SVG per
 * endpoint (answers/s and p99 against concurrency). Then document intake: {@code POST /api/documents} with ~100 KB
 * PDFs, documents/s and MB/s, and the mailing-service's own time split (its {@code guichet.document.intake} timer).
 */
final class HotEndpoints {

    /** What one endpoint's curve is measured with. */
    record Target(String name, String file, URI service, String url, Supplier<Path> script,
                  Supplier<Response> probe) {
    }

    /** The curve of one endpoint and of its ceiling. */
    record Curve(Target target, List<Wrk.Result> endpoint, List<Wrk.Result> ceiling) {
    }

    /** Document intake at one concurrency, with the service's time split (seconds per phase, from its timer). */
    record Intake(Wrk.Result result, long documentBytes, Map<String, double[]> phases) {
    }

    private final PrintStream out;
    private final Path scripts;
    private final Path plots;
    private final List<Integer> concurrency;
    private final Duration seconds;
    private final int wrkThreads;

    HotEndpoints(PrintStream out, Path plots, List<Integer> concurrency, Duration seconds)
            throws IOException {
        this.out = out;
        this.plots = plots;
        this.concurrency = concurrency;
        this.seconds = seconds;
        this.scripts = Files.createTempDirectory("guichet-wrk-");
        this.wrkThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The three hot endpoints of a certified space whose eDelivery is active for {@code domain}:
     * {@code domainSystem} asks the authorization answer and reports uses, {@code employer} (a member) reads the
     * inbox.
     */
    List<Target> targets(URI mandate, URI space, URI edelivery, UUID spaceId, String employerNumber, String domain,
                         Guichet domainSystem, Supplier<String> domainSystemToken, Guichet employer,
                         Supplier<String> employerToken) {
        String query = "/api/authorizations?spaceId=" + spaceId + "&employer=" + enc(employerNumber) + "&domain="
                + enc(domain);
        String usages = "/api/spaces/" + spaceId + "/domain-usages";
        String usageBody = "{\"employer\":\"" + employerNumber + "\",\"domain\":\"" + domain
                + "\",\"usageKind\":\"CONSULTATION\"}";
        String inbox = "/api/spaces/" + spaceId + "/edelivery/documents";
        return List.of(
                new Target("GET /api/authorizations", "authorizations", mandate, mandate + query,
                        () -> script("authorizations", "GET", domainSystemToken.get(), null, null),
                        () -> domainSystem.authorization(spaceId, employerNumber, domain)),
                new Target("POST /api/spaces/{id}/domain-usages", "domain-usages", space, space + usages,
                        () -> script("domain-usages", "POST", domainSystemToken.get(), "application/json",
                                usageBody),
                        () -> domainSystem.reportDomainUse(spaceId, employerNumber, domain, "CONSULTATION")),
                new Target("GET /api/spaces/{id}/edelivery/documents", "edelivery-documents", edelivery,
                        edelivery + inbox,
                        () -> script("edelivery-documents", "GET", employerToken.get(), null, null),
                        () -> employer.inbox(spaceId)));
    }

    /** Each target's curve and its ceiling's, wrk against the endpoint then against the service's /q/health/live. */
    List<Curve> measure(List<Target> targets) throws IOException, InterruptedException {
        List<Curve> curves = new ArrayList<>();
        for (Target t : targets) {
            Response probe = t.probe().get();
            Benchmark.progress(t.name() + ": one request answers " + probe.status() + " "
                    + abbreviate(probe.text()));
            Path script = t.script().get();
            Path health = script(t.file() + "-ceiling", "GET", null, null, null);
            String healthUrl = t.service() + "/q/health/live";
            // Warm-up: the JIT compiles the path (not counted).
            Wrk.run(t.url(), script, 16, wrkThreads, Duration.ofSeconds(Math.max(3, seconds.toSeconds())));
            Wrk.run(healthUrl, health, 16, wrkThreads, Duration.ofSeconds(2));
            List<Wrk.Result> endpoint = new ArrayList<>();
            List<Wrk.Result> ceiling = new ArrayList<>();
            for (int c : concurrency) {
                Wrk.Result e = Wrk.run(t.url(), t.script().get(), c, wrkThreads, seconds);
                Wrk.Result h = Wrk.run(healthUrl, health, c, wrkThreads, seconds);
                endpoint.add(e);
                ceiling.add(h);
                Benchmark.progress(t.name() + " " + Wrk.describe(e) + "; /q/health/live " + Wrk.describe(h));
            }
            curves.add(new Curve(t, endpoint, ceiling));
        }
        return curves;
    }

    void print(List<Curve> curves) throws IOException {
        out.println("## Hot endpoints (wrk, keep-alive, real tokens)");
        out.println();
        out.printf(Locale.ROOT, "wrk %d thread(s) on the same %d-core machine as the platform, %d s per point after a "
                + "warm-up; the ceiling is the same wrk against the same service's /q/health/live (no token, no "
                + "database) in the same run.%n", wrkThreads, Runtime.getRuntime().availableProcessors(),
                seconds.toSeconds());
        out.println();
        for (Curve c : curves) {
            out.println("### " + c.target().name());
            out.println();
            out.println("| concurrency | answers/s | p50 (ms) | p90 (ms) | p99 (ms) | errors (non-2xx, socket) "
                    + "| ceiling /q/health/live answers/s | ceiling p99 (ms) | endpoint ÷ ceiling |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < c.endpoint().size(); i++) {
                Wrk.Result e = c.endpoint().get(i);
                Wrk.Result h = c.ceiling().get(i);
                out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.2f | %d, %d | %.0f | %.2f | %.0f %% |%n",
                        e.connections(), e.perSecond(), e.p50Ms(), e.p90Ms(), e.p99Ms(), e.non2xx(),
                        e.socketErrors(), h.perSecond(), h.p99Ms(), 100 * e.perSecond() / h.perSecond());
            }
            Wrk.Result best = c.endpoint().stream().filter(r -> r.errors() == 0)
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElse(null);
            Wrk.Result bestUnder5 = c.endpoint().stream().filter(r -> r.errors() == 0 && r.p99Ms() < 5)
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElse(null);
            Wrk.Result bestCeiling = c.ceiling().stream()
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElseThrow();
            out.println();
            out.printf(Locale.ROOT, "Best: %s; best with p99 < 5 ms: %s; ceiling best %.0f/s.%n",
                    best == null ? "none without errors" : Wrk.describe(best),
                    bestUnder5 == null ? "none" : Wrk.describe(bestUnder5), bestCeiling.perSecond());
            out.println();
            if (plots != null) {
                Path file = plots.resolve(c.target().file() + ".svg");
                plot(c).write(file);
                out.println("Plot: " + file);
                out.println();
            }
        }
    }

    static SvgPlot plot(Curve c) {
        return new SvgPlot(c.target().name() + ": answers/s and p99 against concurrency", "concurrent connections",
                true, "answers/s", "p99 (ms)")
                .add(new SvgPlot.Series("answers/s", SvgPlot.Axis.LEFT, points(c.endpoint(), true), false))
                .add(new SvgPlot.Series("p99 ms", SvgPlot.Axis.RIGHT, points(c.endpoint(), false), false))
                .add(new SvgPlot.Series("ceiling /q/health/live answers/s", SvgPlot.Axis.LEFT,
                        points(c.ceiling(), true), true))
                .add(new SvgPlot.Series("ceiling p99 ms", SvgPlot.Axis.RIGHT, points(c.ceiling(), false), true));
    }

    private static List<SvgPlot.Point> points(List<Wrk.Result> results, boolean throughput) {
        return results.stream().map(r -> new SvgPlot.Point(r.connections(), throughput ? r.perSecond() : r.p99Ms()))
                .toList();
    }

    // ------------------------------------------------------------------ document intake

    /**
     * {@code POST /api/documents} with {@code pdf} (a fresh document id per request) to the space's inbox, at each
     * concurrency; the mailing-service's timer split read from its /q/metrics before and after.
     */
    List<Intake> intake(URI mailing, UUID spaceId, String employerNumber, String domain, Guichet domainSystem,
                        Supplier<String> token, byte[] pdf, List<Integer> levels) throws Exception {
        Response probe = domainSystem.sendDocument(UUID.randomUUID(), spaceId, employerNumber, domain,
                "Benchmark intake", pdf);
        Benchmark.progress("POST /api/documents (" + pdf.length / 1024 + " KiB PDF): one request answers "
                + probe.status() + " " + abbreviate(probe.text()));
        String before = "{\"documentId\":\"";
        String after = "\",\"spaceId\":\"" + spaceId + "\",\"employer\":\"" + employerNumber + "\",\"domain\":\""
                + domain + "\",\"title\":\"Benchmark intake\",\"content\":\""
                + Base64.getEncoder().encodeToString(pdf) + "\"}";
        String url = mailing + "/api/documents";
        int run = 0;
        Wrk.run(url, Wrk.uniqueIdScript(scripts, "intake-warm-up", token.get(), before, after, ++run), 4,
                wrkThreads, Duration.ofSeconds(Math.max(3, seconds.toSeconds())));
        List<Intake> results = new ArrayList<>();
        for (int c : levels) {
            Path script = Wrk.uniqueIdScript(scripts, "intake-" + c, token.get(), before, after,
                    (int) (System.nanoTime() & 0x7fffffff) ^ (++run << 24));
            Map<String, double[]> timersBefore = intakeTimers(mailing);
            Wrk.Result r = Wrk.run(url, script, c, wrkThreads, seconds);
            Map<String, double[]> timersAfter = intakeTimers(mailing);
            Map<String, double[]> delta = new LinkedHashMap<>();
            timersAfter.forEach((phase, v) -> {
                double[] b = timersBefore.getOrDefault(phase, new double[2]);
                delta.put(phase, new double[]{v[0] - b[0], v[1] - b[1]});
            });
            results.add(new Intake(r, pdf.length, delta));
            Benchmark.progress(String.format(Locale.ROOT, "intake %s, %.1f MB/s of PDF", Wrk.describe(r),
                    r.perSecond() * pdf.length / 1e6));
        }
        return results;
    }

    void printIntake(List<Intake> intake) {
        if (intake.isEmpty()) {
            return;
        }
        long bytes = intake.get(0).documentBytes();
        out.println("## Document intake: POST /api/documents to an active eDelivery inbox");
        out.println();
        out.printf(Locale.ROOT, "PDF of %d bytes (%.0f KiB; %d bytes of JSON with base64), a fresh documentId per "
                + "request; wrk %d s per point.%n", bytes, bytes / 1024.0, (bytes + 2) / 3 * 4 + 200,
                seconds.toSeconds());
        out.println();
        out.println("| concurrency | documents/s | MB/s of PDF | p50 (ms) | p99 (ms) | errors | validation "
                + "| hashing | rendering | encryption | database (transaction − the above) | resource method "
                + "| validation share | database share |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Intake i : intake) {
            Wrk.Result r = i.result();
            double n = i.phases().getOrDefault("request", new double[]{0, 0})[0];
            double validation = perDocument(i, "validation", n);
            double hashing = perDocument(i, "hashing", n);
            double rendering = perDocument(i, "rendering", n);
            double encryption = perDocument(i, "encryption", n);
            double database = perDocument(i, "transaction", n) - hashing - rendering - encryption;
            double method = perDocument(i, "request", n);
            out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f "
                            + "| %.0f %% | %.0f %% |%n", r.connections(), r.perSecond(), r.perSecond() * bytes / 1e6,
                    r.p50Ms(), r.p99Ms(), r.errors(), validation, hashing, rendering, encryption, database, method,
                    100 * validation / method, 100 * database / method);
        }
        out.println();
        out.println("Phases (ms per document) are the mailing-service's own timer guichet.document.intake (its "
                + "/q/metrics before and after each point): validation = base64 decoding and opening the PDF; "
                + "hashing = SHA-256; database = the @Transactional routing (look-ups, inserts, the outbox rows with "
                + "the base64 PDF, the commit); rendering and encryption only for documents that go by post (none "
                + "here: the space's eDelivery is active). The resource method excludes reading and parsing the JSON "
                + "body and verifying the token, which happen before it (p50 at concurrency 1 minus the method).");
        out.println();
    }

    private static double perDocument(Intake i, String phase, double documents) {
        double[] v = i.phases().getOrDefault(phase, new double[]{0, 0});
        return documents == 0 ? Double.NaN : 1000 * v[1] / documents;
    }

    /** phase → {count, sum seconds} of guichet_document_intake_seconds on the mailing-service's /q/metrics. */
    private Map<String, double[]> intakeTimers(URI mailing) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mailing + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, double[]> phases = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^guichet_document_intake_seconds_(count|sum)\\{[^}]*phase=\"([^\"]+)\"[^}]*\\}"
                + "\\s+(\\S+)", Pattern.MULTILINE);
        Matcher m = line.matcher(r.body());
        while (m.find()) {
            double[] v = phases.computeIfAbsent(m.group(2), p -> new double[2]);
            v[m.group(1).equals("count") ? 0 : 1] = Double.parseDouble(m.group(3));
        }
        return phases;
    }

    // ------------------------------------------------------------------ plumbing

    private Path script(String name, String method, String bearer, String contentType, String body) {
        try {
            return Wrk.script(scripts, name, method, bearer, contentType, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
