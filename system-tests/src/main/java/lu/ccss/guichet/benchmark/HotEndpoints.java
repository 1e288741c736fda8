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

    /** What one endpoint's curve is measured with; {@code process} is the service's name in launcher.pids. */
    record Target(String name, String file, String process, URI service, String url, Supplier<Path> script,
                  Supplier<Response> probe) {
    }

    /**
     * One wrk run and the CPU the service's process and PostgreSQL spent meanwhile, per answer (ms): on a machine
     * shared with others, CPU per answer is steadier than answers/s.
     */
    record Point(Wrk.Result wrk, double serviceCpuMs, double postgresCpuMs) {
        int connections() {
            return wrk.connections();
        }
    }

    /** The curve of one endpoint and of its ceiling. */
    record Curve(Target target, List<Point> endpoint, List<Point> ceiling) {
    }

    /** Document intake at one concurrency, with the service's time split (seconds per phase, from its timer). */
    record Intake(Wrk.Result result, long documentBytes, Map<String, double[]> phases, double mailingCpuMs,
                  double edeliveryCpuMs, double postgresCpuMs) {
    }

    private final PrintStream out;
    private final Path scripts;
    private final Path plots;
    private final List<Integer> concurrency;
    private final Duration seconds;
    private final int wrkThreads;
    private final Duration warmUp;

    private final List<ProcessStats.Tracked> processes;

    HotEndpoints(PrintStream out, Path plots, List<Integer> concurrency, Duration seconds, Duration warmUp,
                 List<ProcessStats.Tracked> processes) throws IOException {
        this.warmUp = warmUp;
        this.out = out;
        this.processes = processes;
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
                new Target("GET /api/authorizations", "authorizations", "mandate-service", mandate, mandate + query,
                        () -> script("authorizations", "GET", domainSystemToken.get(), null, null),
                        () -> domainSystem.authorization(spaceId, employerNumber, domain)),
                new Target("POST /api/spaces/{id}/domain-usages", "domain-usages", "space-service", space, space + usages,
                        () -> script("domain-usages", "POST", domainSystemToken.get(), "application/json",
                                usageBody),
                        () -> domainSystem.reportDomainUse(spaceId, employerNumber, domain, "CONSULTATION")),
                new Target("GET /api/spaces/{id}/edelivery/documents", "edelivery-documents", "edelivery-service",
                        edelivery,
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
            // Warm-up: the JIT compiles the path (not counted). C2 (production JVM settings) needs far longer than
            // C1 (-XX:TieredStopAtLevel=1) before its CPU per answer settles: --warm-up-seconds.
            Wrk.run(t.url(), script, 16, wrkThreads, warmUp);
            Wrk.run(healthUrl, health, 16, wrkThreads, Duration.ofSeconds(Math.max(2, warmUp.toSeconds() / 4)));
            List<Point> endpoint = new ArrayList<>();
            List<Point> ceiling = new ArrayList<>();
            for (int c : concurrency) {
                Point e = measured(t.process(), t.url(), t.script().get(), c);
                Point h = measured(t.process(), healthUrl, health, c);
                endpoint.add(e);
                ceiling.add(h);
                Benchmark.progress(String.format(Locale.ROOT, "%s %s, %.2f ms CPU/answer; /q/health/live %s, "
                        + "%.2f ms CPU/answer", t.name(), Wrk.describe(e.wrk()), e.serviceCpuMs(),
                        Wrk.describe(h.wrk()), h.serviceCpuMs()));
            }
            curves.add(new Curve(t, endpoint, ceiling));
        }
        return curves;
    }

    /** wrk against {@code url}, with the CPU of the process {@code process} and of PostgreSQL meanwhile. */
    private Point measured(String process, String url, Path script, int connections) throws IOException,
            InterruptedException {
        ProcessStats.Tracked service = processes.stream().filter(p -> p.name().equals(process)).findFirst()
                .orElse(null);
        ProcessStats.Tracked postgres = processes.stream().filter(p -> p.name().startsWith("postgresql"))
                .findFirst().orElse(null);
        double serviceBefore = cpu(service);
        double postgresBefore = cpu(postgres);
        Wrk.Result r = Wrk.run(url, script, connections, wrkThreads, seconds);
        double n = Math.max(1, r.requests());
        return new Point(r, 1000 * (cpu(service) - serviceBefore) / n, 1000 * (cpu(postgres) - postgresBefore) / n);
    }

    private ProcessStats.Tracked process(String namePrefix) {
        return processes.stream().filter(p -> p.name().startsWith(namePrefix)).findFirst().orElse(null);
    }

    private static double cpu(ProcessStats.Tracked t) {
        return t == null ? Double.NaN : ProcessStats.sample(t.pid(), t.withDescendants()).cpuSeconds();
    }

    void print(List<Curve> curves) throws IOException {
        out.println("## Hot endpoints (wrk, keep-alive, real tokens)");
        out.println();
        out.printf(Locale.ROOT, "wrk %d thread(s) on the same %d-core machine as the platform, %d s per point after a "
                + "warm-up; the ceiling is the same wrk against the same service's /q/health/live (no token, no "
                + "database) in the same run. Percentiles as wrk gives them, corrected for coordinated omission (a "
                + "stall also counts the requests steady callers would have sent during it).%n", wrkThreads,
                Runtime.getRuntime().availableProcessors(), seconds.toSeconds());
        out.println();
        for (Curve c : curves) {
            out.println("### " + c.target().name());
            out.println();
            out.println("| concurrency | answers/s | p50 (ms) | p90 (ms) | p99 (ms) | errors (non-2xx, socket) "
                    + "| service CPU ms/answer | PostgreSQL CPU ms/answer | ceiling /q/health/live answers/s "
                    + "| ceiling p99 (ms) | ceiling CPU ms/answer | endpoint ÷ ceiling (answers/s) |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < c.endpoint().size(); i++) {
                Point ep = c.endpoint().get(i);
                Point hp = c.ceiling().get(i);
                Wrk.Result e = ep.wrk();
                Wrk.Result h = hp.wrk();
                out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.2f | %d, %d | %.2f | %.2f | %.0f | %.2f | %.2f "
                                + "| %.0f %% |%n", e.connections(), e.perSecond(), e.p50Ms(), e.p90Ms(), e.p99Ms(),
                        e.non2xx(), e.socketErrors(), ep.serviceCpuMs(), ep.postgresCpuMs(), h.perSecond(),
                        h.p99Ms(), hp.serviceCpuMs(), 100 * e.perSecond() / h.perSecond());
            }
            Wrk.Result best = c.endpoint().stream().map(Point::wrk).filter(r -> r.errors() == 0)
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElse(null);
            Wrk.Result bestUnder5 = c.endpoint().stream().map(Point::wrk).filter(r -> r.errors() == 0
                            && r.p99Ms() < 5)
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElse(null);
            Wrk.Result bestCeiling = c.ceiling().stream().map(Point::wrk)
                    .max(java.util.Comparator.comparingDouble(Wrk.Result::perSecond)).orElseThrow();
            double cpu = c.endpoint().stream().mapToDouble(Point::serviceCpuMs).filter(v -> !Double.isNaN(v))
                    .sorted().skip(c.endpoint().size() / 2).findFirst().orElse(Double.NaN);
            double db = c.endpoint().stream().mapToDouble(Point::postgresCpuMs).filter(v -> !Double.isNaN(v))
                    .sorted().skip(c.endpoint().size() / 2).findFirst().orElse(Double.NaN);
            double ceilingCpu = c.ceiling().stream().mapToDouble(Point::serviceCpuMs).filter(v -> !Double.isNaN(v))
                    .sorted().skip(c.ceiling().size() / 2).findFirst().orElse(Double.NaN);
            int cores = Runtime.getRuntime().availableProcessors();
            out.println();
            out.printf(Locale.ROOT, "Best: %s; best with p99 < 5 ms: %s; ceiling best %.0f/s.%n",
                    best == null ? "none without errors" : Wrk.describe(best),
                    bestUnder5 == null ? "none" : Wrk.describe(bestUnder5), bestCeiling.perSecond());
            out.println();
            out.printf(Locale.ROOT, "CPU per answer (median over the concurrencies): the service %.2f ms, PostgreSQL "
                    + "%.2f ms; the ceiling %.2f ms. CPU-bound line rate with the %d cores to the service and "
                    + "PostgreSQL alone (no load generator, no other process): %.0f answers/s; the ceiling's: %.0f/s.%n",
                    cpu, db, ceilingCpu, cores, cores * 1000 / (cpu + db), cores * 1000 / ceilingCpu);
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

    private static List<SvgPlot.Point> points(List<Point> results, boolean throughput) {
        return results.stream().map(p -> new SvgPlot.Point(p.connections(),
                throughput ? p.wrk().perSecond() : p.wrk().p99Ms())).toList();
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
                wrkThreads, warmUp);
        List<Intake> results = new ArrayList<>();
        for (int c : levels) {
            Path script = Wrk.uniqueIdScript(scripts, "intake-" + c, token.get(), before, after,
                    (int) (System.nanoTime() & 0x7fffffff) ^ (++run << 24));
            Map<String, double[]> timersBefore = intakeTimers(mailing);
            double mailingBefore = cpu(process("mailing-service"));
            double edeliveryBefore = cpu(process("edelivery-service"));
            double postgresBefore = cpu(process("postgresql"));
            Wrk.Result r = Wrk.run(url, script, c, wrkThreads, seconds);
            double n = Math.max(1, r.requests());
            double mailingCpu = 1000 * (cpu(process("mailing-service")) - mailingBefore) / n;
            double edeliveryCpu = 1000 * (cpu(process("edelivery-service")) - edeliveryBefore) / n;
            double postgresCpu = 1000 * (cpu(process("postgresql")) - postgresBefore) / n;
            Map<String, double[]> timersAfter = intakeTimers(mailing);
            Map<String, double[]> delta = new LinkedHashMap<>();
            timersAfter.forEach((phase, v) -> {
                double[] b = timersBefore.getOrDefault(phase, new double[2]);
                delta.put(phase, new double[]{v[0] - b[0], v[1] - b[1]});
            });
            results.add(new Intake(r, pdf.length, delta, mailingCpu, edeliveryCpu, postgresCpu));
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
                + "| validation share | database share | CPU ms/doc: mailing | edelivery (stores it) | PostgreSQL |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
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
                            + "| %.0f %% | %.0f %% | %.1f | %.1f | %.1f |%n", r.connections(), r.perSecond(),
                    r.perSecond() * bytes / 1e6, r.p50Ms(), r.p99Ms(), r.errors(), validation, hashing, rendering,
                    encryption, database, method, 100 * validation / method, 100 * database / method,
                    i.mailingCpuMs(), i.edeliveryCpuMs(), i.postgresCpuMs());
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
