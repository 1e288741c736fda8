package lu.ccss.guichet.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service: the command line, environment, port and log it was first started with, kept so that it
 * starts again exactly the same after being killed, and the JVM that runs it now.
 */
final class ServiceReplica {

    private final ServiceDef service;
    private final int replica;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private volatile ChildProcess current;
    private volatile boolean killed;

    ServiceReplica(ServiceDef service, int replica, int port, List<String> command, Map<String, String> environment,
            Path workDir, Path log) {
        this.service = service;
        this.replica = replica;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = log;
    }

    /** Replica 1 is named after its service (and logs to {@code <service>.log}); replica 2 {@code <service>-2}. */
    static String name(ServiceDef service, int replica) {
        return replica == 1 ? service.name() : service.name() + "-" + replica;
    }

    String name() {
        return name(service, replica);
    }

    ServiceDef service() {
        return service;
    }

    int replica() {
        return replica;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    ChildProcess current() {
        return current;
    }

    boolean isAlive() {
        return current != null && current.isAlive();
    }

    /** Killed on purpose and not started again since: not a failure, and not waited for. */
    boolean isKilled() {
        return killed;
    }

    /** Starts a JVM with the same command line, environment and working directory as the first one. */
    ChildProcess start() {
        current = ChildProcess.start(name(), command, environment, workDir, log);
        killed = false;
        return current;
    }

    /** SIGKILL to its JVM and anything that JVM started; returns once they are gone. */
    void kill(Duration timeout) {
        killed = true;
        current.kill(timeout);
    }

    ServiceInstance snapshot() {
        ChildProcess child = current;
        return new ServiceInstance(service.name(), replica, child == null ? -1 : child.pid(), port, url(),
                isAlive());
    }
}
