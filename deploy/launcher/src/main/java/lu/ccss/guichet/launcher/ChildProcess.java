package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A process the launcher started (Keycloak, a service), its output appended to a log file it names. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final Instant started = Instant.now();
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        seen.add(process.toHandle());
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(environment);
            Process process = pb.start();
            process.getOutputStream().close();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new LaunchException("Could not start " + name + ": " + e.getMessage() + " (log: " + log + ")", e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    Duration uptime() {
        return Duration.between(started, Instant.now());
    }

    /** The process and every descendant seen so far (kept, so that orphans can be found after the parent died). */
    synchronized List<ProcessHandle> handles() {
        if (process.isAlive()) {
            process.descendants().forEach(seen::add);
        }
        return new ArrayList<>(seen);
    }

    /** Sends SIGTERM to the process and its descendants. */
    void requestStop() {
        for (ProcessHandle h : handles()) {
            h.destroy();
        }
    }

    /** SIGKILL to the process and every descendant; waits up to {@code timeout} for all of them to be gone. */
    void kill(Duration timeout) {
        List<ProcessHandle> all = handles();
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                throw new LaunchException(name + ": pid " + h.pid() + " still alive "
                        + LocalStack.seconds(timeout) + " after SIGKILL", e);
            }
        }
    }

    /**
     * Waits up to {@code grace} for the process tree to end, then kills what is left; answers whether it ended within
     * the grace (false: it had to be killed).
     */
    boolean awaitStop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : handles()) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still alive: killed below
            }
        }
        boolean endedInTime = true;
        for (ProcessHandle h : handles()) {
            if (h.isAlive()) {
                endedInTime = false;
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : handles()) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's leftover check
            }
        }
        return endedInTime;
    }

    /** The first lines of the log that report an error or its cause, to show why something failed. */
    String firstErrors(int max) {
        try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> errors = lines
                    .filter(l -> l.contains(" ERROR ") || l.contains("FATAL") || l.startsWith("Caused by:"))
                    .map(l -> l.length() > 500 ? l.substring(0, 500) + "…" : l)
                    .toList();
            // Quarkus: "Failed to start application" and its causes say why; earlier errors are often symptoms
            int failed = 0;
            for (int i = 0; i < errors.size(); i++) {
                if (errors.get(i).contains("Failed to start")) {
                    failed = i;
                    break;
                }
            }
            return String.join(System.lineSeparator(), errors.subList(failed, Math.min(errors.size(), failed + max)));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of the log, to show why something failed. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
