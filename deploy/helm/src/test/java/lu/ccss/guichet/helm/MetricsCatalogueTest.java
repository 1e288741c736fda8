package lu.ccss.guichet.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard and the alerts use only metrics of deploy/helm/metrics.txt, whose every line a module's
 * MetricsExposedTest proves is on /q/metrics; and every line is used (no stale entry).
 */
class MetricsCatalogueTest {

    private static final Set<String> PROMQL_WORDS = Set.of("histogram_quantile", "max_over_time", "min_over_time",
            "avg_over_time", "sum_over_time", "label_replace", "label_values", "count_over_time", "absent_over_time",
            "client_id", "le");

    static Set<String> catalogue() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(Chart.MODULE.resolve("metrics.txt"))) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 2 && !cells[0].startsWith("#")) {
                names.add(cells[0]);
            }
        }
        return names;
    }

    /** Metric names in a PromQL expression: identifiers with an underscore, outside {...} and by/without (...). */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", "").replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\"[^\"]*\"", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*_[a-zA-Z0-9_:]+\\b").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    static List<String> expressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (JsonNode o : Chart.render(Chart.CHART, List.of(), Map.of())) {
            if ("PrometheusRule".equals(o.path("kind").asText())) {
                o.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> exprs.add(r.path("expr").asText())));
            }
            if ("ConfigMap".equals(o.path("kind").asText()) && o.path("data").has("guichet.json")) {
                JsonNode dashboard = new ObjectMapper().readTree(o.path("data").path("guichet.json").asText());
                dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
                dashboard.path("templating").path("list").forEach(v -> {
                    if (v.path("type").asText().equals("query")) {
                        exprs.add(v.path("query").asText().replaceAll("label_values\\(([^,)]*).*", "$1"));
                    }
                });
            }
        }
        return exprs;
    }

    @Test
    void theDashboardAndTheAlertsUseOnlyCataloguedMetricsAndEveryOneOfThem() throws IOException {
        List<String> exprs = expressions();
        assertTrue(exprs.size() >= 15, exprs.toString());
        Set<String> used = new TreeSet<>();
        exprs.forEach(e -> used.addAll(metricsIn(e)));
        Set<String> catalogue = catalogue();
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(catalogue);
        assertEquals(Set.of(), unknown, "used by the dashboard or alerts but not in deploy/helm/metrics.txt");
        Set<String> unused = new TreeSet<>(catalogue);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "in deploy/helm/metrics.txt but used by neither the dashboard nor the alerts");
    }

    @Test
    void aMetricRenamedInTheDashboardIsCaught() {
        assertEquals(Set.of("guichet_outbox_pending"), metricsIn("max by (job) (guichet_outbox_pending{namespace=\"x\"})"));
        assertEquals(Set.of("http_server_requests_seconds_count"),
                metricsIn("sum by (job, uri) (rate(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}[5m]))"));
    }

    @Test
    void everyAlertHasARunbookSectionInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Chart.REPO.resolve("docs/operations.md"));
        for (JsonNode o : Chart.render(Chart.CHART, List.of(), Map.of())) {
            if ("PrometheusRule".equals(o.path("kind").asText())) {
                o.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> {
                    String alert = r.path("alert").asText();
                    assertTrue(guide.contains("### " + alert), "docs/operations.md has no section ### " + alert);
                    String anchor = r.path("annotations").path("runbook_url").asText().replaceAll(".*#", "");
                    assertEquals(anchor, anchorOf(guide, anchor), alert + " points at a missing anchor");
                }));
            }
        }
    }

    private static String anchorOf(String guide, String anchor) {
        for (String line : guide.lines().toList()) {
            if (line.startsWith("### ") && line.substring(4).trim().toLowerCase().replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-').equals(anchor)) {
                return anchor;
            }
        }
        return null;
    }
}
