package lu.ccss.guichet.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Child processes started and stopped together (Keycloak; the services). A process added once the stack is closing
 * is stopped at once, so that a stack stopped while it is still starting leaves nothing behind.
 */
final class ProcessGroup {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String what;
    private final Runnable checkNotClosed;
    private final List<ChildProcess> children = new ArrayList<>();
    private final List<String> killedAfterGrace = new ArrayList<>();

    /**
     * {@code what} names the group in the progress message, e.g. "Stopping services"; {@code checkNotClosed} throws
     * if the stack is closing.
     */
    ProcessGroup(String what, Runnable checkNotClosed) {
        this.what = what;
        this.checkNotClosed = checkNotClosed;
    }

    /** Adds a started process; if the stack is closing (stop() may have run already), stops it here and throws. */
    synchronized void add(ChildProcess child) {
        children.add(child);
        try {
            checkNotClosed.run();
        } catch (RuntimeException e) {
            child.requestStop();
            child.awaitStop(STOP_GRACE);
            throw e;
        }
    }

    synchronized List<ChildProcess> children() {
        return List.copyOf(children);
    }

    /** Asks every process to stop and kills what is still running when the grace period (shared by all) is over. */
    void stop(Consumer<String> progress) {
        List<ChildProcess> toStop;
        synchronized (this) {
            toStop = List.copyOf(children);
        }
        if (toStop.stream().anyMatch(c -> c.handles().stream().anyMatch(ProcessHandle::isAlive))) {
            progress.accept("Stopping " + what);
        }
        toStop.forEach(ChildProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ChildProcess child : toStop) {
            if (!child.awaitStop(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)))) {
                synchronized (this) {
                    killedAfterGrace.add(child.name());
                }
            }
        }
    }

    /** The processes that did not end within the grace after SIGTERM and were killed (a slow shutdown). */
    synchronized List<String> killedAfterGrace() {
        return List.copyOf(killedAfterGrace);
    }

    /** The processes and every descendant seen, alive or not. */
    List<ProcessHandle> handles() {
        List<ProcessHandle> all = new ArrayList<>();
        children().forEach(c -> all.addAll(c.handles()));
        return all;
    }
}
