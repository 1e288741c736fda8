package lu.ccss.guichet.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessStatsTest {

    /** With --running the report names the options the stack's services really run with, not this run's defaults. */
    @Test
    void theJvmOptionsAreThoseOfTheRunningServiceProcess(@TempDir Path dir) throws Exception {
        Path sleeper = Files.writeString(dir.resolve("Sleeper.java"),
                "class Sleeper { public static void main(String[] a) throws Exception { Thread.sleep(60_000); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process service = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-Dsome.property=x",
                sleeper.toString()).start();
        try {
            List<ProcessStats.Tracked> processes = List.of(
                    new ProcessStats.Tracked("launcher JVM", ProcessHandle.current().pid(), false),
                    new ProcessStats.Tracked("some-service", service.pid(), false));
            assertEquals(Optional.of(List.of("-Xmx64m", "-XX:+UseSerialGC")), ProcessStats.jvmOptions(processes));
            assertEquals(Optional.empty(), ProcessStats.jvmOptions(processes.subList(0, 1)));
        } finally {
            service.destroy();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
