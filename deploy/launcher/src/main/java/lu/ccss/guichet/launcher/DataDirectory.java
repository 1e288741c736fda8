package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The stack's data directory, held with a file lock so that one launcher at a time uses it, and its
 * {@code launcher.pids}: the processes the launcher started, so that a launcher killed with SIGKILL can be cleaned
 * up after.
 */
final class DataDirectory {

    private static final String LOCK_FILE = "launcher.lock";

    private final LauncherConfig config;
    private final Consumer<String> progress;
    private volatile FileChannel lockChannel;
    private volatile FileLock lock;

    DataDirectory(LauncherConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    Path path() {
        return config.dataDir();
    }

    Path postgres() {
        return path().resolve("postgres");
    }

    private Path pidsFile() {
        return path().resolve("launcher.pids");
    }

    /** Creates {@code dir} if missing, readable by this user only (where the file system knows POSIX permissions). */
    static void createOwnerOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Locks the directory, stops what a killed launcher left running, wipes it with {@code --fresh} and creates the
     * log directory.
     */
    void open() {
        Path data = path();
        try {
            Files.createDirectories(data);
            lockChannel = FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                throw new LaunchException("Another launcher is already running on " + data
                        + " (see " + pidsFile() + "). Stop it first, or use --data-dir.");
            }
            stopLeftoversOfAKilledLauncher();
            if (config.fresh()) {
                progress.accept("--fresh: wiping " + data);
                try (Stream<Path> children = Files.list(data)) {
                    for (Path p : (Iterable<Path>) children::iterator) {
                        if (!p.getFileName().toString().equals(LOCK_FILE)) {
                            KeycloakDistribution.deleteTree(p);
                        }
                    }
                }
            }
            Files.createDirectories(config.logsDir());
            Files.writeString(pidsFile(), "launcher " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new LaunchException("Could not prepare the data directory " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its children. They are listed in {@code launcher.pids}, and
     * PostgreSQL in its {@code postmaster.pid}; stop those still running (only processes whose command line names
     * this data directory, so never an unrelated process that got the same pid).
     */
    private void stopLeftoversOfAKilledLauncher() throws IOException {
        List<ProcessHandle> leftovers = new ArrayList<>();
        if (Files.isRegularFile(pidsFile())) {
            for (String line : Files.readAllLines(pidsFile())) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && !parts[0].equals("launcher")) {
                    ProcessHandle.of(Long.parseLong(parts[1])).filter(this::belongsToThisStack)
                            .ifPresent(leftovers::add);
                }
            }
        }
        postmasterPid().flatMap(ProcessHandle::of).filter(this::belongsToThisStack).ifPresent(leftovers::add);
        if (leftovers.isEmpty()) {
            return;
        }
        progress.accept("Stopping " + leftovers.size() + " process(es) left behind by a launcher that was killed");
        for (ProcessHandle h : leftovers) {
            h.descendants().forEach(ProcessHandle::destroy);
            h.destroy();
        }
        for (ProcessHandle h : leftovers) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            }
        }
    }

    private boolean belongsToThisStack(ProcessHandle h) {
        return h.info().commandLine().map(c -> c.contains(path().toString())).orElse(false);
    }

    /** The pid in PostgreSQL's {@code postmaster.pid}, if the server runs or did not stop cleanly. */
    Optional<Long> postmasterPid() {
        Path pidFile = postgres().resolve("postmaster.pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile);
                if (!lines.isEmpty()) {
                    return Optional.of(Long.parseLong(lines.get(0).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid
        }
        return Optional.empty();
    }

    /** Adds a started process to {@code launcher.pids}. */
    void recordPid(ChildProcess child) {
        try {
            Files.writeString(pidsFile(), child.name() + " " + child.pid() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code launcher.pids} and releases the lock, when this launcher holds it (the file is the holder's). */
    void close() {
        if (lock != null) {
            try {
                Files.deleteIfExists(pidsFile());
            } catch (IOException e) {
                // not important
            }
            try {
                lock.release();
            } catch (IOException e) {
                // ignore
            }
            try {
                lockChannel.close();
            } catch (IOException e) {
                // ignore
            }
        }
    }
}
