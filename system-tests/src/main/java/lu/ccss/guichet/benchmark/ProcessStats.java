package lu.ccss.guichet.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and memory of the stack's processes, from Linux's {@code /proc}: {@code stat} (utime + stime, in clock
 * ticks) and {@code status} (VmRSS, VmHWM). Keycloak and PostgreSQL count with their descendants (Keycloak's script
 * and its JVM, PostgreSQL's postmaster and its backends); the launcher alone, since every other process descends
 * from it. The processes are those the launcher records in its data directory:
 * {@code launcher.pids} (launcher, keycloak, the services) and {@code postgres/postmaster.pid}.
 */
public final class ProcessStats {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcessStats() {
    }

    /** One named process, with or without its descendants. */
    public record Tracked(String name, long pid, boolean withDescendants) {
    }

    /** CPU seconds used so far and resident memory now (and at its peak), summed over the tree. */
    public record Sample(double cpuSeconds, long rssKib, long peakRssKib, int processes) {
    }

    /** The processes of the stack whose data directory is {@code dataDir}. */
    static List<Tracked> ofStack(Path dataDir, boolean launcherIsThisJvm) throws IOException {
        List<Tracked> tracked = new ArrayList<>();
        Path pids = dataDir.resolve("launcher.pids");
        if (Files.isRegularFile(pids)) {
            for (String line : Files.readAllLines(pids)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    String name = parts[0].equals("launcher")
                            ? (launcherIsThisJvm ? "launcher JVM (Kafka broker + this benchmark's client)"
                            : "launcher JVM (Kafka broker)") : parts[0];
                    tracked.add(new Tracked(name, Long.parseLong(parts[1]), !parts[0].equals("launcher")));
                }
            }
        }
        Path postmaster = dataDir.resolve("postgres/postmaster.pid");
        if (Files.isRegularFile(postmaster)) {
            tracked.add(new Tracked("postgresql (postmaster + backends)",
                    Long.parseLong(Files.readAllLines(postmaster).get(0).trim()), true));
        }
        return tracked;
    }

    static Map<Tracked, Sample> sample(List<Tracked> processes) {
        Map<Tracked, Sample> samples = new LinkedHashMap<>();
        for (Tracked t : processes) {
            samples.put(t, sample(t.pid(), t.withDescendants()));
        }
        return samples;
    }

    public static Sample sample(long pid, boolean withDescendants) {
        List<Long> tree = new ArrayList<>();
        tree.add(pid);
        if (withDescendants) {
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> tree.add(d.pid())));
        }
        long ticks = 0;
        long rss = 0;
        long peak = 0;
        int alive = 0;
        for (long p : tree) {
            Optional<long[]> cpu = cpuTicks(p);
            if (cpu.isEmpty()) {
                continue;
            }
            alive++;
            ticks += cpu.get()[0] + cpu.get()[1];
            rss += statusKib(p, "VmRSS");
            peak += statusKib(p, "VmHWM");
        }
        return new Sample(ticks / (double) CLOCK_TICKS_PER_SECOND, rss, peak, alive);
    }

    /**
     * CPU seconds used so far by each thread of one process, by thread name without its numbers (Linux's
     * {@code /proc/pid/task/tid/comm}, 15 characters: "C2 CompilerThre", "vert.x-eventloo", "executor-thread"…),
     * so a JVM's own work (JIT compiler, garbage collector) shows apart from the application's.
     */
    public static Map<String, Double> threadGroups(long pid) {
        Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    long tid = Long.parseLong(task.getFileName().toString());
                    cpuTicks(pid, tid).ifPresent(t -> groups.merge(name,
                            (t[0] + t[1]) / (double) CLOCK_TICKS_PER_SECOND, Double::sum));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return groups;
    }

    /**
     * CPU seconds used so far by the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") of these JVMs: what
     * compiling costs apart from running the compiled code.
     */
    static double jitCompilerSeconds(List<Tracked> jvms) {
        return jvms.stream().flatMap(t -> threadGroups(t.pid()).entrySet().stream())
                .filter(group -> group.getKey().contains("CompilerThre")).mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * The -X options the first service process was started with, as the kernel reports its command line: with
     * {@code --running} the stack was started by another command, whose options this run does not know otherwise.
     */
    public static Optional<List<String>> jvmOptions(List<Tracked> processes) {
        return processes.stream().filter(p -> p.name().contains("-service")).findFirst()
                .flatMap(p -> ProcessHandle.of(p.pid())).flatMap(h -> h.info().arguments())
                .map(args -> Arrays.stream(args).takeWhile(a -> !a.equals("-jar")).filter(a -> a.startsWith("-X"))
                        .toList());
    }

    /** utime and stime (fields 14 and 15 of /proc/pid/stat; the command name in field 2 may hold spaces). */
    private static Optional<long[]> cpuTicks(long pid) {
        return cpuTicks(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private static Optional<long[]> cpuTicks(long pid, long tid) {
        return cpuTicks(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "stat"));
    }

    private static Optional<long[]> cpuTicks(Path statFile) {
        try {
            String stat = Files.readString(statFile, StandardCharsets.US_ASCII);
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after[0] is field 3 (state): utime is field 14, stime field 15
            return Optional.of(new long[] {Long.parseLong(after[11]), Long.parseLong(after[12])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
