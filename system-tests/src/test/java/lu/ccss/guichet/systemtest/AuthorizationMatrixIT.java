package lu.ccss.guichet.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization matrix: every operation of the five services (as their OpenAPI documents list them) × every kind
 * of caller, with the status each must get. The declared table is the one in {@code docs/authorization.md}; this
 * test drives every cell against the running platform and fails on any difference, and on any operation that the
 * table, the services or {@link AuthorizationRequests} know and the others do not. The table as observed is written
 * to {@code target/authorization-matrix.md} to review a change.
 */
@ExtendWith(SharedPlatform.Use.class)
@Order(2)
class AuthorizationMatrixIT {

    private static final Path TABLE = Path.of("docs", "authorization.md");
    private static final Path OBSERVED = Path.of("target", "authorization-matrix.md");
    private static final String START = "<!-- matrix:start -->";
    private static final String END = "<!-- matrix:end -->";

    @Test
    void everyCallerGetsWhatTheTableSaysOnEveryOperation() throws IOException {
        SharedPlatform shared = SharedPlatform.current();
        PlatformFixture fixture = shared.fixture();
        Map<String, Guichet> principals = fixture.principals();
        Map<String, List<String>> declared = declaredTable(List.copyOf(principals.keySet()));
        Map<String, AuthorizationRequests.Call> calls = new AuthorizationRequests(shared).calls();

        Set<String> served = servedOperations(shared);
        Set<String> uncalled = new TreeSet<>(served);
        uncalled.removeAll(calls.keySet());
        Set<String> unserved = new TreeSet<>(calls.keySet());
        unserved.removeAll(served);
        assertTrue(uncalled.isEmpty() && unserved.isEmpty(), "AuthorizationRequests must call exactly the "
                + "operations the services' OpenAPI documents list; not called: " + uncalled + "; not served: "
                + unserved);

        Map<String, List<String>> observed = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        List<String> order = new ArrayList<>(declared.keySet());
        calls.keySet().stream().filter(op -> !declared.containsKey(op)).forEach(order::add);
        for (String operation : order) {
            AuthorizationRequests.Call call = calls.get(operation);
            if (call == null) {
                differences.add(operation + ": in the table, but no service serves it");
                continue;
            }
            List<String> row = new ArrayList<>();
            Iterator<String> expected = declared.getOrDefault(operation, List.of()).iterator();
            for (Map.Entry<String, Guichet> principal : principals.entrySet()) {
                Response answer = call.send().apply(principal.getValue());
                String status = Integer.toString(answer.status());
                row.add(status);
                String want = expected.hasNext() ? expected.next() : "(none)";
                if (!want.equals(status)) {
                    differences.add(operation + " as " + principal.getKey() + ": expected " + want + ", got "
                            + status + " " + excerpt(answer));
                }
                if (answer.status() / 100 == 2 && call.renew() != null) {
                    call.renew().run();
                }
            }
            observed.put(operation, row);
        }
        Files.createDirectories(OBSERVED.getParent());
        Files.writeString(OBSERVED, render(List.copyOf(principals.keySet()), observed));
        int cells = observed.size() * principals.size();
        SharedPlatform.log("authorization matrix: " + observed.size() + " operations × " + principals.size()
                + " callers = " + cells + " cells, " + differences.size() + " differences (observed table in "
                + OBSERVED.toAbsolutePath() + ")");
        assertTrue(differences.isEmpty(), differences.size() + " cell(s) differ from " + TABLE + ":\n  "
                + String.join("\n  ", differences));
    }

    /** Operations of every service's OpenAPI document under /api, as {@code "<service> <METHOD> <path>"}. */
    private static Set<String> servedOperations(SharedPlatform shared) {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("space", shared.platform().space());
        services.put("certification", shared.platform().certification());
        services.put("mandate", shared.platform().mandate());
        services.put("mailing", shared.platform().mailing());
        services.put("edelivery", shared.platform().edelivery());
        Set<String> operations = new TreeSet<>();
        services.forEach((name, base) -> {
            JsonNode document = shared.http().send("openapi", Http.get(URI.create(base + "/q/openapi?format=json")),
                    null).expect(200).json();
            document.get("paths").fields().forEachRemaining(path -> {
                if (path.getKey().startsWith("/api/")) {
                    path.getValue().fieldNames().forEachRemaining(method -> {
                        if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                            operations.add(name + " " + method.toUpperCase() + " " + path.getKey());
                        }
                    });
                }
            });
        });
        return operations;
    }

    /** The rows of docs/authorization.md's table: operation → statuses in the order of the columns. */
    private static Map<String, List<String>> declaredTable(List<String> columns) throws IOException {
        String doc = Files.readString(SharedPlatform.repo().resolve(TABLE));
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, TABLE + " holds the table between " + START + " and " + END);
        List<String> lines = doc.substring(start + START.length(), end).strip().lines().toList();
        assertEquals(header(columns), lines.get(0), "the columns of " + TABLE);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            String operation = cells.get(0) + " " + cells.get(1).replace("`", "");
            rows.put(operation, cells.subList(2, cells.size()));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return java.util.Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    private static String header(List<String> columns) {
        return "| Service | Operation | " + String.join(" | ", columns) + " |";
    }

    private static String render(List<String> columns, Map<String, List<String>> rows) {
        StringBuilder table = new StringBuilder(START).append('\n').append(header(columns)).append('\n')
                .append("|---|---|").append("---|".repeat(columns.size())).append('\n');
        rows.forEach((operation, statuses) -> {
            String[] parts = operation.split(" ", 2);
            table.append("| ").append(parts[0]).append(" | `").append(parts[1]).append("` | ")
                    .append(String.join(" | ", statuses)).append(" |\n");
        });
        return table.append(END).append('\n').toString();
    }

    private static String excerpt(Response answer) {
        String text = answer.text().replaceAll("\\s+", " ");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
