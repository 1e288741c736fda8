package lu.ccss.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics the Helm chart's dashboard and alerts use (deploy/helm/metrics.txt), and which module exposes each.
 * A module's test scrapes its /q/metrics and calls {@link #missing} with its name: a metric renamed in the code
 * then fails that module's build.
 */
public final class MetricsCatalogue {

    private MetricsCatalogue() {
    }

    /** deploy/helm/metrics.txt, found from the module's directory upwards. */
    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/helm/metrics.txt");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/helm/metrics.txt not found above " + Path.of("").toAbsolutePath());
    }

    /** The metrics listed as exposed by {@code module}. */
    public static Set<String> exposedBy(String module) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file())) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length >= 2 && !cells[0].startsWith("#") && cells[1].equals(module)) {
                    names.add(cells[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The metrics listed for {@code module} that have no sample in this Prometheus scrape. */
    public static List<String> missing(String module, String scrape) {
        Set<String> present = new TreeSet<>();
        for (String line : scrape.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                present.add(line.substring(0, end));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : exposedBy(module)) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }
}
