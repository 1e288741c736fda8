package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Waits until the started processes answer on their health endpoints. */
final class Readiness {

    /**
     * What says a process is ready: a 200 from {@code uri}, with {@code "status": "UP"} in it if
     * {@code needsStatusUp}. {@code label} names the process in the progress message.
     */
    record Probe(String label, ChildProcess child, URI uri, boolean needsStatusUp) {
    }

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private final Runnable checkNotClosed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code checkNotClosed} throws if the stack is closing. */
    Readiness(LauncherConfig config, Consumer<String> progress, Runnable checkNotClosed) {
        this.config = config;
        this.progress = progress;
        this.checkNotClosed = checkNotClosed;
    }

    /**
     * Waits until every probe says ready, reporting each as it gets there; fails as soon as one of the processes
     * exits, or at the timeout, naming what was not ready and its log.
     */
    void await(List<Probe> probes) {
        await(probes, probe -> "ready (" + LocalStack.seconds(probe.child().uptime()) + ")");
    }

    /** The same, after a restart: reports how long after this call each probe said ready again. */
    void awaitAgain(List<Probe> probes) {
        long began = System.nanoTime();
        await(probes, probe -> "ready again (" + LocalStack.seconds(Duration.ofNanos(System.nanoTime() - began))
                + ")");
    }

    private void await(List<Probe> probes, Function<Probe, String> howReady) {
        if (probes.isEmpty()) {
            return;
        }
        Map<Probe, String> pending = new LinkedHashMap<>();
        probes.forEach(p -> pending.put(p, "no answer"));
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(probes.size());
        try {
            while (true) {
                checkNotClosed.run();
                Map<Probe, Future<Optional<HttpResponse<String>>>> answers = new LinkedHashMap<>();
                for (Probe probe : pending.keySet()) {
                    if (!probe.child().isAlive()) {
                        throw failed(probe.child(), "exited with code " + probe.child().exitValue()
                                + " while starting");
                    }
                    answers.put(probe, pool.submit(() -> get(probe.uri())));
                }
                for (var answer : answers.entrySet()) {
                    Probe probe = answer.getKey();
                    Optional<HttpResponse<String>> response = getQuietly(answer.getValue());
                    boolean ready = response.isPresent() && response.get().statusCode() == 200
                            && (!probe.needsStatusUp() || STATUS_UP.matcher(response.get().body()).find());
                    if (ready) {
                        pending.remove(probe);
                        progress.accept(probe.label() + " is " + howReady.apply(probe));
                    } else {
                        pending.put(probe, response.map(r -> "HTTP " + r.statusCode() + " " + abbreviate(r.body()))
                                .orElse("no answer"));
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    String nl = System.lineSeparator();
                    StringBuilder names = new StringBuilder();
                    pending.forEach((p, last) -> names.append(nl).append("  ").append(p.child().name())
                            .append(" (").append(p.uri()).append("): last answer ").append(last)
                            .append("; log: ").append(p.child().log()));
                    throw failed(pending.keySet().iterator().next().child(), "was not ready within "
                            + LocalStack.seconds(config.startupTimeout()) + "; not ready:" + names);
                }
                sleep(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static LaunchException failed(ChildProcess child, String what) {
        String nl = System.lineSeparator();
        String errors = child.firstErrors(8);
        return new LaunchException(child.name() + " " + what + "." + nl + "Its log: " + child.log() + nl
                + (errors.isEmpty() ? "" : "First errors in it:" + nl + errors + nl)
                + "Last lines:" + nl + child.tail(10));
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted", e);
        }
    }

    private static <T> Optional<T> getQuietly(Future<Optional<T>> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
