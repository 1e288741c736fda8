package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.launcher.ServiceDef;
import lu.ccss.guichet.systemtest.fuzz.Answers;
import lu.ccss.guichet.systemtest.fuzz.ApiOperation;
import lu.ccss.guichet.systemtest.fuzz.BadInputs;
import lu.ccss.guichet.systemtest.fuzz.DatabaseSnapshot;
import lu.ccss.guichet.systemtest.fuzz.DatabaseSnapshot.Databases;
import lu.ccss.guichet.systemtest.fuzz.FuzzInput;
import lu.ccss.guichet.systemtest.fuzz.FuzzReport;
import lu.ccss.guichet.systemtest.fuzz.FuzzRequests;
import lu.ccss.guichet.systemtest.fuzz.FuzzTargets;
import lu.ccss.guichet.systemtest.fuzz.HttpLayerProbes;
import lu.ccss.guichet.systemtest.fuzz.OpenApiDocuments;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzing from the OpenAPI documents (issue 13): every operation the five services document gets bad inputs derived
 * from its schema (wrong types, missing and unknown fields, huge and control-character strings, unknown enumeration
 * values, deep nesting, malformed JSON, wrong Content-Types, malformed path and query parameters), sent by a caller
 * allowed to call it, at the fixture's real ids. Every answer must be a 4xx problem+json that does not repeat the
 * input, at least one per operation must come from its input checks (400, 413, 415, 422), and no table of any of
 * the five databases, outbox and processed events included, may change. See docs/fuzzing.md.
 *
 * <p>The inputs are drawn from jqwik's generators with a fixed seed ({@code -Dguichet.fuzz.seed=} to draw others).
 * A failing operation lists all its failing inputs; the closing note gives the numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.Use.class)
@Order(1)
class OpenApiFuzzIT {

    private static final long SEED = Long.getLong("guichet.fuzz.seed", 13L);
    /** Nothing should happen after rejected inputs: a short look is enough. */
    private static final Duration QUIET_INTERVAL = Duration.ofMillis(400);
    /** After an accepted input, its events travel to the other services: wait for them to land here. */
    private static final Duration SETTLE_AFTER_ACCEPTED = Duration.ofSeconds(3);
    /** Every input and its answer, one line each, for reading a run afterwards. */
    private static final Path INPUT_LOG = Path.of("target", "fuzz", "inputs.tsv");

    private OpenApiDocuments documents;
    private FuzzTargets targets;
    private Databases databases;
    private FuzzReport report;
    /**
     * The databases as the previous operation left them, once quiet: the next operation's "before" (nothing runs in
     * between, so a snapshot taken again would be the same, and a late write would then be the previous one's).
     */
    private DatabaseSnapshot quietState;
    private BufferedWriter inputLog;
    private long start;

    @BeforeAll
    void readTheDocuments() throws Exception {
        SharedPlatform shared = SharedPlatform.current();
        PlatformFixture fixture = shared.fixture();
        start = System.nanoTime();
        Map<String, URI> services = new LinkedHashMap<>();
        for (ServiceDef service : ServiceDef.ALL) {
            services.put(service.name(), URI.create(shared.config().serviceUrl(service)));
        }
        documents = OpenApiDocuments.read(shared.http(), services);
        targets = new FuzzTargets(fixture);
        databases = new Databases(shared.config().postgresPort(),
                ServiceDef.ALL.stream().map(ServiceDef::database).toList());
        report = new FuzzReport(documents.operations().size());
        Files.createDirectories(INPUT_LOG.getParent());
        inputLog = Files.newBufferedWriter(INPUT_LOG);
        inputLog.write("operation\tclass\tabout\tinput\tstatus\tcontent type\n");
        JqwikSession.start();
        // The fixture's events settle first: the baseline must not move on its own.
        quietState = databases.quiet(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @AfterAll
    void closingNote() throws Exception {
        JqwikSession.finish();
        if (inputLog != null) {
            inputLog.close();
        }
        if (databases != null) {
            databases.close();
        }
        if (report != null) {
            SharedPlatform.log(report.closingNote(Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperation() {
        return documents.operations().stream()
                .sorted(Comparator.comparing(ApiOperation::service).thenComparing(ApiOperation::path)
                        .thenComparing(ApiOperation::method))
                .map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> fuzz(operation)));
    }

    @TestFactory
    Stream<DynamicTest> theHttpLayerOfEveryService() {
        return documents.operations().stream().collect(Collectors.groupingBy(ApiOperation::service, TreeMap::new,
                        Collectors.toList())).values().stream()
                .map(OpenApiFuzzIT::plainestRead)
                .map(read -> DynamicTest.dynamicTest(read.service() + " HTTP layer", () -> probe(read)));
    }

    /**
     * The read of a service to aim the HTTP-layer probes at: a GET by path ids only, the shortest (a document
     * download, which marks the document read, or a printable letter, whose download is audited, are longer).
     */
    private static ApiOperation plainestRead(List<ApiOperation> operations) {
        return operations.stream()
                .filter(o -> o.method().equals("GET") && !o.pathParameters().isEmpty() && o.queryParameters().isEmpty())
                .min(Comparator.comparing((ApiOperation o) -> o.path().length())).orElseThrow();
    }

    private void probe(ApiOperation read) throws IOException {
        Guichet caller = targets.caller(read).orElseThrow();
        FuzzInput valid = new BadInputs(documents.schemas(read), targets, SEED).valid(read);
        DatabaseSnapshot before = quietState;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        for (HttpLayerProbes.Probe probe : HttpLayerProbes.of(read, caller, valid)) {
            record(read, probe.input(), probe.answer(), statuses, findings);
        }
        List<String> written = writtenSince(before);
        if (!written.isEmpty()) {
            findings.add("wrote to " + written);
        }
        report.probed(read.service(), statuses, findings);
        if (!findings.isEmpty()) {
            fail(read.service() + " HTTP layer: " + String.join("\n  ", findings));
        }
    }

    /** The tables written since {@code before}, once the platform is quiet again. */
    private List<String> writtenSince(DatabaseSnapshot before) {
        quietState = databases.quiet(QUIET_INTERVAL, Duration.ofSeconds(30));
        return before.differences(quietState);
    }

    private void record(ApiOperation operation, FuzzInput input, Response answer, Map<Integer, Integer> statuses,
                        List<String> findings) throws IOException {
        statuses.merge(answer.status(), 1, Integer::sum);
        report.answered(input, answer.status());
        inputLog.write(operation + "\t" + input.kind() + "\t" + input.about() + "\t" + input.description()
                + "\t" + answer.status() + "\t" + answer.contentType() + "\n");
        for (String problem : Answers.problems(input, answer)) {
            findings.add(input + " -> " + answer.status() + " " + problem + ": " + Answers.excerpt(answer));
        }
    }

    private void fuzz(ApiOperation operation) throws IOException {
        String exclusion = exclusion(operation);
        if (exclusion != null) {
            report.excluded(operation, exclusion);
            return;
        }
        Guichet caller = targets.caller(operation).orElseThrow(() -> new AssertionError(operation
                + ": no caller for roles " + operation.roles()));
        List<FuzzInput> inputs = new BadInputs(documents.schemas(operation), targets,
                SEED ^ operation.toString().hashCode()).of(operation);
        DatabaseSnapshot before = quietState;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        for (FuzzInput input : inputs) {
            record(operation, input, FuzzRequests.send(caller, operation, input), statuses, findings);
        }
        if (statuses.keySet().stream().anyMatch(status -> status < 400)) {
            sleep(SETTLE_AFTER_ACCEPTED);
        }
        List<String> written = writtenSince(before);
        if (!written.isEmpty()) {
            findings.add("wrote to " + written);
        }
        FuzzReport.OperationRun run = new FuzzReport.OperationRun(operation, roleOf(operation), inputs.size(),
                statuses, findings);
        if (!run.reachedValidation()) {
            findings.add("no input reached the operation's input checks (400, 413, 415 or 422): " + statuses);
        }
        report.ran(run);
        if (!findings.isEmpty()) {
            fail(operation + ": " + findings.size() + " of " + inputs.size() + " inputs went wrong:\n  "
                    + String.join("\n  ", findings));
        }
    }

    /**
     * Why an operation gets no input, or null. An operation without a body and without parameters has nothing to
     * break: anything sent to it would just call it (and POST /api/print-batches would make a batch).
     */
    private static String exclusion(ApiOperation operation) {
        if (operation.body() == null && operation.parameters().isEmpty()) {
            return "takes no body and no parameter: no input to break";
        }
        return null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String roleOf(ApiOperation operation) {
        return operation.roles().isEmpty() ? "-" : operation.roles().get(0);
    }
}
