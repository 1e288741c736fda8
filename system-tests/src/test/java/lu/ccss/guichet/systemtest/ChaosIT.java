package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.chaos.ChaosFlow;
import lu.ccss.guichet.chaos.ChaosInvariants;
import lu.ccss.guichet.chaos.Disruptions;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RealmUsers;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Retries;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost under faults. While {@value #FLOWS} complete flows run at once (procedure A to eDelivery, with an
 * agent, each by its own people, through clients that retry connection errors and 5xx with their idempotency key),
 * each of the five services is killed with SIGKILL at a random moment and started again, then the Kafka broker is
 * restarted, then PostgreSQL. Flows keep starting until the last restart is over. When the platform has settled,
 * {@link ChaosInvariants} are checked in the databases and on the topics, and every flow that was told "success"
 * must have really succeeded. Runs last on the shared platform: nothing after it relies on a quiet history.
 */
@ExtendWith(SharedPlatform.Use.class)
@Order(4)
class ChaosIT {

    static final int FLOWS = 20;
    private static final Duration SETTLE = Duration.ofMinutes(2);

    @Test
    void everyFlowToldSuccessSucceededAndNothingIsLostOrDoubled() throws Exception {
        SharedPlatform shared = SharedPlatform.current();
        long seed = Long.getLong("guichet.chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        Http http = new Http(new Latencies(), Retries.upTo(Duration.ofSeconds(120)));
        Keycloak keycloak = new Keycloak(shared.platform(), http);
        Guichet operator = Guichet.user(shared.platform(), http, keycloak, "operator");
        Guichet domainSystem = Guichet.domainSystem(shared.platform(), http, keycloak);
        PrintProvider printer = new PrintProvider(Guichet.printProvider(shared.platform(), http, keycloak),
                PrintProvider.privateKey(shared.dataDir().resolve(PrintProvider.LOCAL_PRIVATE_KEY)));
        RealmUsers realm = new RealmUsers(shared.config(), http, "chaos");
        List<RequestForm> forms = new ArrayList<>();
        for (int i = 0; i < FLOWS * 2; i++) {
            forms.add(ChaosFlow.formWithOneAgent());
        }
        shared.register().register(forms);

        Disruptions disruptions = new Disruptions(shared.stack(), random, SharedPlatform::log);
        AtomicBoolean disrupting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<ChaosFlow.Outcome> succeeded = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < forms.size(); i++) {
            next.add(i);
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(FLOWS + 1);
        List<Future<?>> runners = new ArrayList<>();
        for (int t = 0; t < FLOWS; t++) {
            boolean[] first = {true};
            runners.add(pool.submit(() -> {
                Integer i;
                while ((first[0] || disrupting.get()) && (i = next.poll()) != null) {
                    first[0] = false;
                    RequestForm form = forms.get(i);
                    try {
                        // The people of a flow are made when it starts: of the forms, only those started are used.
                        List<String> people = realm.create(2);
                        Guichet employer = Guichet.user(shared.platform(), http, keycloak, people.get(0),
                                RealmUsers.PASSWORD);
                        Guichet agent = Guichet.user(shared.platform(), http, keycloak, people.get(1),
                                RealmUsers.PASSWORD);
                        succeeded.add(new ChaosFlow(form, employer, agent, operator, domainSystem, printer).run());
                    } catch (RuntimeException | AssertionError e) {
                        failed.add(form.employer().registrationNumber() + ": " + e.getMessage());
                    }
                }
            }));
        }
        Future<?> faults = pool.submit(() -> {
            try {
                disruptions.eachOnce();
            } finally {
                disrupting.set(false);
            }
        });
        faults.get(6, TimeUnit.MINUTES);
        for (Future<?> runner : runners) {
            runner.get(6, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Duration load = Duration.ofNanos(System.nanoTime() - start);

        ChaosInvariants invariants = new ChaosInvariants(new PlatformData(shared.config()));
        long settleStart = System.nanoTime();
        List<String> violations = invariants.afterSettling(List.copyOf(succeeded), SETTLE);
        SharedPlatform.log("chaos (seed " + seed + "): " + succeeded.size() + " flows succeeded, " + failed.size()
                + " failed, in " + load.toSeconds() + " s; " + http.retries().retried() + " calls retried; "
                + disruptions.report() + "; settled in " + Duration.ofNanos(System.nanoTime() - settleStart)
                .toSeconds() + " s");
        List<String> broken = new ArrayList<>();
        failed.forEach(f -> broken.add("a flow did not complete: " + f));
        violations.forEach(v -> broken.add("invariant: " + v));
        if (succeeded.size() < FLOWS) {
            broken.add("only " + succeeded.size() + " flows succeeded, at least " + FLOWS + " wanted");
        }
        if (disruptions.count() < 7) {
            broken.add("five kills and two restarts wanted: " + disruptions.report());
        }
        assertTrue(broken.isEmpty(), String.join("\n  ", broken));
    }
}
