package lu.ccss.guichet.systemtest.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the fuzz tried and found, operation by operation, and the closing note. */
public final class FuzzReport {

    /** One operation's run: its caller, how many inputs, how it was answered, what was wrong. */
    public record OperationRun(ApiOperation operation, String caller, int inputs, Map<Integer, Integer> statuses,
                               List<String> findings) {

        public boolean reachedValidation() {
            return statuses.keySet().stream().anyMatch(Answers.VALIDATION_STATUSES::contains);
        }
    }

    private final int operationsInDocuments;
    private final List<OperationRun> runs = new ArrayList<>();
    private final Map<String, String> exclusions = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<FuzzInput.Kind, Integer> kinds = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> httpLayer = new TreeMap<>();
    private final List<String> httpLayerFindings = new ArrayList<>();

    public FuzzReport(int operationsInDocuments) {
        this.operationsInDocuments = operationsInDocuments;
    }

    public synchronized void excluded(ApiOperation operation, String why) {
        exclusions.put(operation.toString(), why);
    }

    public synchronized void answered(FuzzInput input, int status) {
        statuses.merge(status, 1, Integer::sum);
        kinds.merge(input.kind(), 1, Integer::sum);
    }

    public synchronized void ran(OperationRun run) {
        runs.add(run);
    }

    public synchronized void probed(String service, Map<Integer, Integer> statuses, List<String> findings) {
        httpLayer.put(service, statuses);
        findings.forEach(f -> httpLayerFindings.add(service + " HTTP layer: " + f));
    }

    public synchronized int inputs() {
        return runs.stream().mapToInt(OperationRun::inputs).sum()
                + httpLayer.values().stream().flatMap(s -> s.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public synchronized List<String> findings() {
        List<String> all = new ArrayList<>(runs.stream()
                .flatMap(r -> r.findings().stream().map(f -> r.operation() + ": " + f)).toList());
        all.addAll(httpLayerFindings);
        return all;
    }

    public synchronized String closingNote(Duration took) {
        StringBuilder note = new StringBuilder();
        long covered = runs.stream().filter(OperationRun::reachedValidation).count();
        note.append("OpenAPI fuzz: ").append(covered).append(" of ").append(operationsInDocuments)
                .append(" operations covered (reached their input checks), ").append(inputs())
                .append(" inputs tried in ").append(took.toSeconds()).append(" s\n");
        note.append("  answers by status: ").append(statuses).append('\n');
        note.append("  inputs by class:   ").append(kinds).append('\n');
        for (OperationRun run : runs) {
            note.append(String.format("  %-75s %-15s %3d inputs %s%s%n", run.operation(), run.caller(), run.inputs(),
                    run.statuses(), run.reachedValidation() ? "" : "  NOT REACHED"));
        }
        httpLayer.forEach((service, answers) -> note.append(String.format("  %-75s %-15s %3d probes  %s%n",
                service + " HTTP layer", "-", answers.values().stream().mapToInt(Integer::intValue).sum(), answers)));
        exclusions.forEach((operation, why) -> note.append("  excluded: ").append(operation).append(" — ")
                .append(why).append('\n'));
        List<String> findings = findings();
        note.append("  findings: ").append(findings.size()).append('\n');
        findings.forEach(f -> note.append("    ").append(f).append('\n'));
        return note.toString();
    }
}
