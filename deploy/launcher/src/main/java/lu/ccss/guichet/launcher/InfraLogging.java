package lu.ccss.guichet.launcher;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Kafka and PostgreSQL run inside the launcher's JVM (PostgreSQL's server output is read by zonky); their logs go to
 * {@code logs/kafka.log} and {@code logs/postgresql.log}, everything else to {@code logs/launcher.log}, so the console
 * keeps only the launcher's own messages.
 */
final class InfraLogging {

    private static final List<Handler> OPEN = new ArrayList<>();

    private InfraLogging() {
    }

    static synchronized void configure(Path logsDir) {
        closeOpen();
        LogContext context = LogContext.getLogContext();
        route(context, "", open(logsDir.resolve("launcher.log")), true);
        Handler kafka = open(logsDir.resolve("kafka.log"));
        for (String category : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            route(context, category, kafka, false);
        }
        route(context, "io.zonky", open(logsDir.resolve("postgresql.log")), false);
    }

    private static void route(LogContext context, String category, Handler handler, boolean root) {
        Logger logger = context.getLogger(category);
        logger.setHandlers(new Handler[] {handler});
        logger.setLevel(Level.INFO);
        if (!root) {
            logger.setUseParentHandlers(false);
        }
    }

    private static Handler open(Path file) {
        try {
            FileHandler handler = new FileHandler(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] %s%e%n"),
                    file.toFile(), true);
            handler.setAutoFlush(true);
            OPEN.add(handler);
            return handler;
        } catch (FileNotFoundException e) {
            throw new LaunchException("Could not open the log file " + file, e);
        }
    }

    private static void closeOpen() {
        for (Handler h : OPEN) {
            h.close();
        }
        OPEN.clear();
    }
}
