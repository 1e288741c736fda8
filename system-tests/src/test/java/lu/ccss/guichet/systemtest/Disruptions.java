package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.launcher.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of the chaos test, one after the other: each service killed with SIGKILL at a random moment and started
 * again with the same configuration, then the Kafka broker restarted, then PostgreSQL. Records how long each took to
 * be ready again.
 */
final class Disruptions {

    private static final List<String> SERVICES = List.of("space-service", "certification-service",
            "mandate-service", "mailing-service", "edelivery-service");

    private final LocalStack stack;
    private final Random random;
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());

    Disruptions(SharedPlatform shared, Random random) {
        this.stack = shared.stack();
        this.random = random;
    }

    void run() {
        List<String> order = new ArrayList<>(SERVICES);
        Collections.shuffle(order, random);
        for (String service : order) {
            pauseAtRandom();
            stack.kill(service, 1);
            record("killed " + service + ", ready again in " + millis(stack.restart(service, 1)));
        }
        pauseAtRandom();
        record("restarted Kafka (" + describe(stack.restartKafka()) + ")");
        pauseAtRandom();
        record("restarted PostgreSQL (" + describe(stack.restartPostgres()) + ")");
    }

    int count() {
        return done.size();
    }

    String report() {
        return String.join(", ", done);
    }

    private void record(String what) {
        done.add(what);
        SharedPlatform.log(what);
    }

    private static String describe(LocalStack.Recovery recovery) {
        return "stopped in " + millis(recovery.stop()) + ", up in " + millis(recovery.start())
                + ", every service ready in " + millis(recovery.ready());
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** A random moment within the load: 2 to 6 seconds after the previous fault was over. */
    private void pauseAtRandom() {
        try {
            Thread.sleep(2000 + random.nextInt(4000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
