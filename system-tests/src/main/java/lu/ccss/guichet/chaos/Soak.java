package lu.ccss.guichet.chaos;

import lu.ccss.guichet.benchmark.ProcessStats;
import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.Platform;
import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RealmUsers;
import lu.ccss.guichet.client.Register;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.Retries;
import lu.ccss.guichet.launcher.LaunchException;
import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.launcher.LocalStack;
import lu.ccss.guichet.launcher.ServiceInstance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak: a steady load of complete flows (those of the chaos test) for a given time, with a fault every few
 * minutes, sampling each service's memory, open files and database connections as it goes, so that a leak shows as a
 * line that only climbs. At the end the platform settles and the chaos test's invariants are checked. Not part of
 * {@code ./mvnw verify}: run {@code deploy/soak.sh} (docs/reliability.md).
 */
public final class Soak {

    private static final String USAGE = """
            Usage: deploy/soak.sh [options]   (or: java -cp system-tests/target/system-tests.jar \\
                                               lu.ccss.guichet.chaos.Soak [options])

            Starts the whole platform (free ports, a temporary data directory), runs N complete flows at a time for
            the given duration with a random fault (a service killed, Kafka or PostgreSQL restarted) every interval,
            prints a sample of memory, open files and connections per service at every sample interval, then checks
            the invariants of the chaos test. Exit status 1 if a flow failed or an invariant does not hold.

              --duration=30m       how long the load runs (s, m or h; default 30m)
              --flows=10           flows running at once (default 10)
              --fault-every=3m     time between two faults (default 3m; 0s for none)
              --sample-every=1m    time between two samples (default 1m)
              --seed=N             the random seed of the faults (default: the clock)
              --help               this text
            """;

    private static final Duration SETTLE = Duration.ofMinutes(3);

    record Options(Duration duration, int flows, Duration faultEvery, Duration sampleEvery, long seed) {

        static Options parse(String[] args) {
            Duration duration = Duration.ofMinutes(30);
            int flows = 10;
            Duration faultEvery = Duration.ofMinutes(3);
            Duration sampleEvery = Duration.ofMinutes(1);
            long seed = System.nanoTime();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                } else if (arg.startsWith("--duration=")) {
                    duration = duration(value);
                } else if (arg.startsWith("--flows=")) {
                    flows = Integer.parseInt(value);
                } else if (arg.startsWith("--fault-every=")) {
                    faultEvery = duration(value);
                } else if (arg.startsWith("--sample-every=")) {
                    sampleEvery = duration(value);
                } else if (arg.startsWith("--seed=")) {
                    seed = Long.parseLong(value);
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (flows < 1 || flows > 200 || duration.isZero() || sampleEvery.isZero()) {
                throw new IllegalArgumentException("--flows from 1 to 200, --duration and --sample-every above 0");
            }
            return new Options(duration, flows, faultEvery, sampleEvery, seed);
        }

        /** "90s", "30m", "2h". */
        static Duration duration(String text) {
            if (!text.matches("\\d{1,6}[smh]")) {
                throw new IllegalArgumentException("A duration is a number and s, m or h: " + text);
            }
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }

    private final Options options;
    private final PrintStream out = System.out;
    private final ConcurrentLinkedQueue<ChaosFlow.Outcome> succeeded = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    private final List<String> samples = new ArrayList<>();

    private Soak(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        Path dataDir = Files.createTempDirectory("guichet-soak-");
        LauncherConfig config = LauncherConfig.builder().dataDir(dataDir).freePorts()
                .startupTimeout(Duration.ofMinutes(6)).create();
        boolean held;
        try (LocalStack stack = new LocalStack(config, Soak::progress)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "soak-stop"));
            stack.start();
            progress("platform ready in " + stack.startupTime().toSeconds() + " s; logs in " + config.logsDir());
            held = new Soak(options).run(stack);
        } catch (LaunchException e) {
            System.err.println("FAILED: " + e.getMessage());
            held = false;
        }
        System.exit(held ? 0 : 1);
    }

    private boolean run(LocalStack stack) throws Exception {
        LauncherConfig config = stack.config();
        Platform platform = Platform.of(config);
        Http http = new Http(new Latencies(), Retries.upTo(Duration.ofMinutes(2)));
        Keycloak keycloak = new Keycloak(platform, http);
        Guichet operator = Guichet.user(platform, http, keycloak, "operator");
        Guichet domainSystem = Guichet.domainSystem(platform, http, keycloak);
        PrintProvider printer = PrintProvider.local(platform, http, keycloak, config.dataDir());
        RealmUsers realm = new RealmUsers(config, http, "soak");
        Register register = new Register(config);
        PlatformData data = new PlatformData(config);
        Disruptions disruptions = new Disruptions(stack, new Random(options.seed()), Soak::progress);
        progress("soak (seed " + options.seed() + "): " + options.flows() + " flows at a time for "
                + options.duration().toMinutes() + " min, a fault every " + options.faultEvery().toSeconds() + " s");

        long end = System.nanoTime() + options.duration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(options.flows() + 2);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < options.flows(); t++) {
            tasks.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    RequestForm form = ChaosFlow.formWithOneAgent();
                    try {
                        List<String> people = realm.create(2);
                        RealmUsers.signIn(keycloak, people);
                        register.register(form);
                        Guichet employer = Guichet.user(platform, http, keycloak, people.get(0), RealmUsers.PASSWORD);
                        Guichet agent = Guichet.user(platform, http, keycloak, people.get(1), RealmUsers.PASSWORD);
                        succeeded.add(new ChaosFlow(form, employer, agent, operator, domainSystem, printer).run());
                    } catch (RuntimeException | AssertionError e) {
                        failed.add(form.employer().registrationNumber() + ": " + e.getMessage());
                    }
                }
            }));
        }
        if (!options.faultEvery().isZero()) {
            tasks.add(pool.submit(() -> {
                while (pauseUntilNext(options.faultEvery(), end)) {
                    disruptions.any();
                }
            }));
        }
        long start = System.nanoTime();
        tasks.add(pool.submit(() -> {
            sample(stack, data, http, start);
            while (pauseUntilNext(options.sampleEvery(), end)) {
                sample(stack, data, http, start);
            }
        }));
        for (Future<?> task : tasks) {
            task.get(options.duration().toMinutes() + 15, TimeUnit.MINUTES);
        }
        pool.shutdown();
        sample(stack, data, http, start);

        ChaosInvariants invariants = new ChaosInvariants(data);
        List<String> violations = invariants.afterSettling(List.copyOf(succeeded), SETTLE);
        printReport(disruptions, http, violations);
        return failed.isEmpty() && violations.isEmpty();
    }

    /** One line per service: resident memory, open files, database connections; and the flows so far. */
    private void sample(LocalStack stack, PlatformData data, Http http, long start) {
        Map<String, Long> connections = new TreeMap<>();
        try {
            data.rows("postgres", "select datname, count(*) as n from pg_stat_activity where datname is not null "
                    + "group by datname").forEach(r -> connections.put((String) r.get("datname"),
                    ((Number) r.get("n")).longValue()));
        } catch (RuntimeException e) {
            progress("sample: PostgreSQL did not answer (" + e.getMessage() + ")");
        }
        long minutes = Duration.ofNanos(System.nanoTime() - start).toMinutes();
        List<ServiceInstance> alive = stack.instances().stream().filter(ServiceInstance::alive)
                .sorted(Comparator.comparing(ServiceInstance::service)).toList();
        synchronized (samples) {
            for (ServiceInstance instance : alive) {
                ProcessStats.Sample s = ProcessStats.sample(instance.pid(), false);
                String database = instance.service().replace("-service", "");
                samples.add(String.format("| %d | %s | %d | %d | %d | %d | %d | %d |", minutes, instance.service(),
                        s.rssKib() / 1024, openFiles(instance.pid()), connections.getOrDefault(database, 0L),
                        succeeded.size(), failed.size(), http.retries().retried()));
            }
        }
        progress("sample at " + minutes + " min: " + succeeded.size() + " flows succeeded, " + failed.size()
                + " failed, " + http.retries().retried() + " calls retried");
    }

    private void printReport(Disruptions disruptions, Http http, List<String> violations) {
        out.println();
        out.println("## Soak: " + options.duration().toMinutes() + " min, " + options.flows()
                + " flows at a time, seed " + options.seed());
        out.println();
        out.println("| minute | service | RSS (MiB) | open files | DB connections | flows ok | flows failed "
                + "| calls retried |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        samples.forEach(out::println);
        out.println();
        out.println("Faults (" + disruptions.count() + "): " + disruptions.report());
        out.println();
        out.println(succeeded.size() + " flows succeeded, " + failed.size() + " failed, "
                + http.retries().retried() + " calls retried.");
        failed.forEach(f -> out.println("- flow failed: " + f));
        out.println(violations.isEmpty() ? "Every invariant holds." : "Invariants broken:");
        violations.forEach(v -> out.println("- " + v));
    }

    private static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits one interval, or less if the end comes first; answers whether there is time left after it. */
    private static boolean pauseUntilNext(Duration interval, long end) {
        long wait = Math.min(interval.toNanos(), end - System.nanoTime());
        if (wait <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return System.nanoTime() < end;
    }

    private static void progress(String message) {
        System.err.println("[soak " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
