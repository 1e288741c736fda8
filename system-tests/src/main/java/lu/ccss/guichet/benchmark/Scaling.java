package lu.ccss.guichet.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The scaling shape: flows/s and CPU per flow against concurrent flows, one line per number of replicas. Each run
 * writes its points to {@code scaling-<replicas>-replica(s).tsv} in the plots directory and redraws
 * {@code scaling.svg} from every such file there, so a run with {@code --replicas=2} adds its lines beside the
 * single-replica ones.
 */
final class Scaling {

    /** One round: concurrent flows, flows/s, CPU seconds per flow (all processes), flow p50 in seconds. */
    record Point(int concurrentFlows, double flowsPerSecond, double cpuSecondsPerFlow, double flowP50Seconds) {
    }

    private Scaling() {
    }

    static Path record(Path plots, int replicas, List<Point> points, double ceiling) throws IOException {
        Files.createDirectories(plots);
        StringBuilder tsv = new StringBuilder("# concurrent flows\tflows/s\tCPU s per flow\tflow p50 s\tceiling\n");
        for (Point p : points) {
            tsv.append(String.format(Locale.ROOT, "%d\t%.3f\t%.3f\t%.2f\t%.2f%n", p.concurrentFlows(),
                    p.flowsPerSecond(), p.cpuSecondsPerFlow(), p.flowP50Seconds(), ceiling));
        }
        Files.writeString(plots.resolve("scaling-" + replicas + "-replica" + (replicas == 1 ? "" : "s") + ".tsv"),
                tsv, StandardCharsets.UTF_8);
        Path svg = plots.resolve("scaling.svg");
        plot(plots).write(svg);
        return svg;
    }

    static SvgPlot plot(Path plots) throws IOException {
        SvgPlot plot = new SvgPlot("Complete flows: throughput and CPU per flow against concurrency",
                "concurrent flows", true, "flows/s", "CPU s per flow (all processes)");
        Map<String, List<String[]>> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(plots)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("scaling-.*\\.tsv")).toList()) {
                String name = file.getFileName().toString().replace("scaling-", "").replace(".tsv", "")
                        .replace('-', ' ');
                runs.put(name, Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                        .map(l -> l.split("\t")).toList());
            }
        }
        runs.forEach((name, rows) -> {
            plot.add("flows/s, " + name, SvgPlot.Axis.LEFT, points(rows, 1));
            plot.add(new SvgPlot.Series("CPU s per flow, " + name, SvgPlot.Axis.RIGHT, points(rows, 2), true));
        });
        runs.values().stream().findFirst().ifPresent(rows -> plot.add(new SvgPlot.Series(
                "tighter ceiling (Argon2id), flows/s", SvgPlot.Axis.LEFT, points(rows, 4), true)));
        return plot;
    }

    private static List<SvgPlot.Point> points(List<String[]> rows, int column) {
        List<SvgPlot.Point> points = new ArrayList<>();
        for (String[] row : rows) {
            points.add(new SvgPlot.Point(Double.parseDouble(row[0]), Double.parseDouble(row[column])));
        }
        return points;
    }
}
