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
            awaitExec(service, sleeper.toString());
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

    /** Until the child runs java itself: right after start() the kernel may still show the JDK's spawn helper. */
    private static void awaitExec(Process process, String lastArgument) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!process.info().arguments().map(a -> a.length > 0 && a[a.length - 1].equals(lastArgument))
                .orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
