package lu.ccss.guichet.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JDK Flight Recorder profile of each service during one round ({@code --profile}): recording started and stopped
 * with {@code jcmd} (the services run unchanged), then summarised from the CPU samples ({@code jdk.ExecutionSample})
 * as the hottest frames — where a thread was running (self) and what it was inside of (total, by library) —, next to
 * the CPU time of each service's threads by name from {@code /proc}, which also counts what JFR's samples do not see
 * (JIT compilers, garbage collector, native I/O).
 */
final class Profiles {

    private static final String RECORDING = "benchmark";
    /** Libraries by package prefix, for the "inside of" summary; the first match of a stack wins per prefix. */
    private static final Map<String, String> LIBRARIES = libraries();

    private final List<ProcessStats.Tracked> services;
    private final Map<String, Map<String, Double>> threadsBefore = new HashMap<>();

    private Profiles(List<ProcessStats.Tracked> services) {
        this.services = services;
    }

    /**
     * The services' JVM option that starts JFR with {@link #CPU_SAMPLES_ONLY} from their first second (the settings
     * written to {@code dataDir}). Started in the middle of a run, JFR made the JIT recompile for the rest of the
     * round: a 50-flow round recorded that way ran at 0.66–0.72 flows/s with the services' compilers at 1.0 CPU-s per
     * flow, the same round unrecorded at 1.68 flows/s and 0.29; with JFR on from the start the warm-up compiles
     * under it (a profiled round then ran at 1.18 flows/s, compilers 0.40: still not free, compare with a run
     * without {@code --profile}).
     */
    static String jvmOption(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path settings = dataDir.resolve(SETTINGS_FILE);
        Files.writeString(settings, CPU_SAMPLES_ONLY);
        return "-XX:StartFlightRecording=name=from-start,disk=false,settings=" + settings.toAbsolutePath();
    }

    static Profiles start(List<ProcessStats.Tracked> services, Path dataDir) throws IOException, InterruptedException {
        Profiles profiles = new Profiles(services);
        Path settings = dataDir.resolve(SETTINGS_FILE);
        if (!Files.exists(settings)) { // --running: services started without JFR, recorded from now on
            Files.writeString(settings, CPU_SAMPLES_ONLY);
        }
        for (ProcessStats.Tracked service : services) {
            profiles.threadsBefore.put(service.name(), ProcessStats.threadGroups(service.pid()));
            jcmd(service.pid(), "JFR.start", "name=" + RECORDING, "settings=" + settings.toAbsolutePath());
        }
        return profiles;
    }

    private static final String SETTINGS_FILE = "cpu-samples.jfc";

    /** JFR settings with the CPU samples alone: no allocation or old-object sampling, no I/O events. */
    private static final String CPU_SAMPLES_ONLY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="CPU samples" description="The benchmark's --profile">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">10 ms</setting>
              </event>
            </configuration>
            """;

    /** Stops the recordings, writes {@code dir/<service>.jfr} and returns each service's summary. */
    Map<String, Summary> stop(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (ProcessStats.Tracked service : services) {
            Map<String, Double> threads = new HashMap<>();
            Map<String, Double> before = threadsBefore.get(service.name());
            ProcessStats.threadGroups(service.pid()).forEach((name, cpu) -> {
                double used = cpu - before.getOrDefault(name, 0.0);
                if (used > 0) {
                    threads.put(name, used);
                }
            });
            Path file = dir.resolve(service.name() + ".jfr");
            jcmd(service.pid(), "JFR.stop", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
            summaries.put(service.name(), summarise(file, threads));
        }
        return summaries;
    }

    /**
     * One service: CPU samples by top frame (self) and by library anywhere in the stack (total), and CPU seconds by
     * thread name.
     */
    record Summary(int samples, Map<String, Integer> self, Map<String, Integer> inside, Map<String, Double> threads) {
    }

    static Summary summarise(Path jfr, Map<String, Double> threads) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                    || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                LIBRARIES.forEach((prefix, library) -> {
                    if (type.startsWith(prefix) && seen.add(library)) {
                        inside.merge(library, 1, Integer::sum);
                    }
                });
            }
        }
        return new Summary(samples, self, inside, threads);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static Map<String, String> libraries() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("org.bouncycastle.crypto.generators.Argon2", "Argon2id (BouncyCastle)");
        libraries.put("org.apache.pdfbox", "PDFBox");
        libraries.put("org.apache.fontbox", "PDFBox");
        libraries.put("org.bouncycastle.cms", "CMS signature (BouncyCastle)");
        libraries.put("org.hibernate.validator", "Bean Validation");
        libraries.put("org.hibernate", "Hibernate ORM");
        libraries.put("org.postgresql", "PostgreSQL JDBC");
        libraries.put("io.agroal", "Agroal pool");
        libraries.put("com.fasterxml.jackson", "Jackson JSON");
        libraries.put("org.apache.kafka", "Kafka client");
        libraries.put("io.smallrye.reactive.messaging", "SmallRye Reactive Messaging");
        libraries.put("org.jose4j", "JWT verification (jose4j)");
        libraries.put("io.quarkus.oidc", "Quarkus OIDC");
        libraries.put("org.jboss.logmanager", "Logging");
        libraries.put("io.micrometer", "Micrometer");
        libraries.put("io.opentelemetry", "OpenTelemetry");
        libraries.put("io.netty", "Netty");
        libraries.put("io.vertx", "Vert.x");
        libraries.put("org.jboss.resteasy.reactive", "Quarkus REST");
        libraries.put("javax.crypto", "JCA crypto");
        libraries.put("sun.security", "JCA crypto");
        libraries.put("lu.ccss.guichet", "our code (any frame)");
        return libraries;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(jcmdPath(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + out);
        }
    }

    private static String jcmdPath() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }
}
