package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the repository's Maven wrapper, its output on the launcher's console. */
final class Maven {

    private Maven() {
    }

    static void run(Path repoDir, List<String> arguments, Consumer<String> progress) {
        Path wrapper = repoDir.resolve(isWindows() ? "mvnw.cmd" : "mvnw");
        if (!Files.isRegularFile(wrapper)) {
            throw new LaunchException("No Maven wrapper at " + wrapper + "; run the launcher from the repository");
        }
        List<String> command = new ArrayList<>();
        command.add(wrapper.toString());
        command.addAll(arguments);
        progress.accept("Running " + String.join(" ", command.subList(1, command.size())));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repoDir.toFile()).inheritIO();
        if (System.getenv("JAVA_HOME") == null) {
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        try {
            Process process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                }
            }, "stop-maven"));
            int exit = process.waitFor();
            if (exit != 0) {
                throw new LaunchException("Maven failed (exit code " + exit + "): " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new LaunchException("Could not run " + wrapper + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while Maven was running", e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
