package lu.ccss.guichet.chaos;

import lu.ccss.guichet.launcher.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The faults of the chaos test and the soak: a service killed with SIGKILL and started again with the same
 * configuration, the Kafka broker restarted, PostgreSQL restarted. Each returns once everything is ready again and
 * records how long that took.
 */
public final class Disruptions {

    public static final List<String> SERVICES = List.of("space-service", "certification-service",
            "mandate-service", "mailing-service", "edelivery-service");

    private final LocalStack stack;
    private final Random random;
    private final Consumer<String> log;
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());

    public Disruptions(LocalStack stack, Random random, Consumer<String> log) {
        this.stack = stack;
        this.random = random;
        this.log = log;
    }

    /**
     * The chaos test's sequence: each service killed once in a random order, each kill at a random moment 1 to 4
     * seconds after the one before, without waiting for the services killed before to be back (their restarts
     * overlap, as when a node holding several of them fails); once all are ready again, the broker restarted, then
     * PostgreSQL, each at a random moment 1 to 4 seconds after the previous fault was over.
     */
    public void eachOnce() {
        List<String> order = new ArrayList<>(SERVICES);
        Collections.shuffle(order, random);
        ExecutorService restarts = Executors.newFixedThreadPool(order.size());
        try {
            List<Future<?>> back = new ArrayList<>();
            for (String service : order) {
                pauseAtRandom();
                stack.kill(service, 1);
                back.add(restarts.submit(() -> restartKilled(service)));
            }
            for (Future<?> restart : back) {
                restart.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a killed service did not come back", e.getCause());
        } finally {
            restarts.shutdownNow();
        }
        pauseAtRandom();
        restartKafka();
        pauseAtRandom();
        restartPostgres();
    }

    /** One fault chosen at random: a service five times in seven, the broker or PostgreSQL otherwise. */
    public void any() {
        int pick = random.nextInt(SERVICES.size() + 2);
        if (pick < SERVICES.size()) {
            kill(SERVICES.get(pick));
        } else if (pick == SERVICES.size()) {
            restartKafka();
        } else {
            restartPostgres();
        }
    }

    public int count() {
        return done.size();
    }

    public String report() {
        return String.join("; ", done);
    }

    private void kill(String service) {
        stack.kill(service, 1);
        restartKilled(service);
    }

    private void restartKilled(String service) {
        record("killed " + service + ", ready again in " + millis(stack.restart(service, 1)));
    }

    private void restartKafka() {
        record("restarted Kafka (" + describe(stack.restartKafka()) + ")");
    }

    private void restartPostgres() {
        record("restarted PostgreSQL (" + describe(stack.restartPostgres()) + ")");
    }

    private void record(String what) {
        done.add(what);
        log.accept(what);
    }

    private static String describe(LocalStack.Recovery recovery) {
        return "stopped in " + millis(recovery.stop()) + ", up in " + millis(recovery.start())
                + ", every service ready in " + millis(recovery.ready());
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** A random moment within the load, not a wait for a condition. */
    private void pauseAtRandom() {
        try {
            Thread.sleep(1000 + random.nextInt(3000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
