package lu.ccss.guichet.benchmark;

import lu.ccss.guichet.client.Guichet;
import lu.ccss.guichet.client.HopTiming;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Latencies;
import lu.ccss.guichet.client.PlatformData;
import lu.ccss.guichet.client.Platform;
import lu.ccss.guichet.client.PrintProvider;
import lu.ccss.guichet.client.RealmUsers;
import lu.ccss.guichet.client.Register;
import lu.ccss.guichet.client.RequestForm;
import lu.ccss.guichet.client.TraceReceiver;
import lu.ccss.guichet.launcher.LaunchException;
import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.launcher.LocalStack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The first benchmark: N concurrent complete flows ({@link CertificationFlow}) against the local platform, for each
 * N of {@code --flows}, then, in the same run, the machine's ceilings (PostgreSQL commit rate, Argon2id CPU cost).
 * Prints markdown tables: flows per second, p50/p95/p99 per endpoint, event hop latencies, CPU and memory of each
 * process, and the platform's flows per second as a fraction of the tighter ceiling. No timed assertion: it measures.
 *
 * <p>Run: {@code deploy/benchmark.sh} (see docs/performance.md).
 */
public final class Benchmark {

    private static final String USAGE = """
            Usage: deploy/benchmark.sh [options]   (or: java -jar system-tests/target/system-tests.jar [options])

            Starts the whole platform (LocalStack, free ports, a temporary data directory), drives N concurrent
            complete flows for each N, measures the ceilings, prints the results and stops the platform.

              --flows=1,10,50      the concurrency of each round (default 1,10,50); a round runs at least 10
                                   flows (at 1: ten, one after the other)
              --running            use the stack ./run-local.sh is running instead of starting one
              --data-dir=PATH      with --running: that stack's data directory (default as ./run-local.sh);
                                   without: where to start the stack (default a temporary directory, deleted after)
              --port-offset=N      with --running: the offset that stack was started with
              --commit-seconds=S   how long each JDBC commit loop runs (default 5)
              --jvm=production     the services' JVM options: production (the images' settings, the default) or
                                   quick (the local run's quick start: C1 only); not with --running
              --warm-up-flows=N    uncounted flows first, after 2 sequential ones, in rounds of at most 10
                                   concurrent flows, so that the rounds measure compiled code: each warm-up round
                                   prints what the JIT compilers still cost (default 100; 0: none)
              --replicas=N         N instances of each service (default 1); flow i calls replica i mod N
              --trace-hops         tracing on in the services (spans sent to this JVM): each round also prints
                                   where every hop's time went (relay woken, publish, pick-up, handling); not
                                   with --running; costs some CPU, so compare its flows/s with a run without
              --probe-floor        also measure the floor's Kafka round trip while each round runs (a probe record
                                   every 50 ms) and print it under the round's hops; costs about a fifth of the
                                   throughput at 10 and 50 flows, so compare its flows/s with a run without
              --profile            record the last round with JDK Flight Recorder in each service (CPU samples
                                   only, JFR on from the services' start: started mid-run it makes the JIT
                                   recompile) and print the hottest frames (the recordings stay in the data
                                   directory, jfr/)
              --endpoints          after the flows, the hot endpoints at line rate with wrk (GET /api/authorizations,
                                   POST …/domain-usages, GET …/edelivery/documents, each next to the same service's
                                   /q/health/live as ceiling) and document intake (POST /api/documents, 100 KB PDFs)
              --only=endpoints     the endpoints round alone (no flow rounds, no commit/Argon2 ceilings)
              --concurrency=1,2,…  wrk connections per point (default 1,2,4,8,16,32,64,128,256)
              --intake=1,2,…       concurrency of the document intake (default 1,2,4,8,16,32; 0: none)
              --endpoint-seconds=S wrk duration per point (default 5)
              --warm-up-seconds=S  wrk warm-up per endpoint before its curve, not counted (default 10; C2 JVMs
                                   need 60 or more on 2 cores)
              --plots=DIR          where the endpoints round writes its SVG plots (default docs/performance)
              --help               this text
            """;

    /** Argon2id computations per flow: step 6 hashes the security code; each of 4 holder certifications verifies it. */
    static final int ARGON2_PER_FLOW = 1 + 4;
    /** A round runs at least this many flows (one after the other at concurrency 1). */
    static final int MIN_FLOWS_PER_ROUND = 10;
    static final int WARM_UP_CONCURRENCY = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Options options;
    private final Report report = new Report(System.out);

    private Benchmark(Options options) {
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
        try {
            new Benchmark(options).run();
        } catch (LaunchException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        LauncherConfig config;
        LocalStack stack = null;
        Path tempDir = null;
        TraceReceiver traces = options.traceHops() ? TraceReceiver.start() : null;
        if (options.running()) {
            LauncherConfig.Builder builder = LauncherConfig.builder().portOffset(options.portOffset());
            if (options.dataDir() != null) {
                builder.dataDir(options.dataDir());
            }
            config = builder.create();
            progress("using the running stack (data directory " + config.dataDir() + ")");
        } else {
            Path dataDir = options.dataDir();
            if (dataDir == null) {
                tempDir = Files.createTempDirectory("guichet-benchmark-");
                dataDir = tempDir;
            }
            config = LauncherConfig.builder().dataDir(dataDir).freePorts().startupTimeout(Duration.ofMinutes(6))
                    .replicas(options.replicas())
                    .serviceJvmOptions(serviceJvmOptions(dataDir))
                    .create();
            if (traces != null) {
                Files.createDirectories(dataDir);
                Files.writeString(dataDir.resolve("services.env"), traces.servicesEnvironment());
            }
            stack = new LocalStack(config, Benchmark::progress);
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "benchmark-stop"));
            stack.start();
            progress("platform ready in " + stack.startupTime().toSeconds() + " s");
        }
        try {
            measure(config, stack != null, traces);
        } finally {
            if (stack != null) {
                progress("stopping the platform");
                stack.close();
            }
            if (traces != null) {
                traces.close();
            }
            if (tempDir != null) {
                deleteTree(tempDir);
            }
        }
    }

    private void measure(LauncherConfig config, boolean launcherIsThisJvm, TraceReceiver traces) throws Exception {
        Latencies endpoints = new Latencies();
        Http http = new Http(endpoints);
        Keycloak keycloak = new Keycloak(Platform.of(config), http);
        // With replicas, flow i talks to replica i mod replicas of every service (a client-side load balancer).
        List<Replica> replicas = new ArrayList<>();
        for (int r = 0; r < config.replicas(); r++) {
            Platform platform = Platform.of(config, r);
            replicas.add(new Replica(platform, Guichet.user(platform, http, keycloak, "operator"),
                    Guichet.domainSystem(platform, http, keycloak),
                    PrintProvider.local(platform, http, keycloak, config.dataDir())));
        }
        String postgres = "jdbc:postgresql://localhost:" + config.postgresPort() + "/postgres";
        List<ProcessStats.Tracked> processes = ProcessStats.ofStack(config.dataDir(), launcherIsThisJvm);

        if (options.endpoints() && !Wrk.installed()) {
            progress("wrk is not installed: the endpoints round is skipped. Install it with "
                    + "`sudo apt-get install -y wrk` (Debian/Ubuntu) or `brew install wrk` (macOS).");
        }
        boolean endpointsRound = options.endpoints() && Wrk.installed();
        int warmUps = 2;
        int people = warmUps + Stream.concat(warmUpRounds(options.warmUpFlows()).stream(), options.flows().stream())
                .mapToInt(Benchmark::flowsIn).sum();
        progress("creating " + people + " employers in Keycloak, one per flow, and signing them in");
        List<String> users = new RealmUsers(config, http, "bench").create(people);
        RealmUsers.signIn(keycloak, users);
        keycloak.user("operator");
        keycloak.domainSystem();
        keycloak.printProvider();
        Iterator<String> nextUser = users.iterator();
        List<RequestForm> forms = Stream.generate(RequestForm::withoutAgents).limit(people).toList();
        progress("registering their " + people + " employers in the employer register");
        new Register(config).register(forms);
        Iterator<RequestForm> nextForm = forms.iterator();

        progress("warm-up: " + warmUps + " flows, one after the other (not counted)");
        Latencies warmUpHops = new Latencies();
        Map<String, LongAdder> warmUpChannels = new ConcurrentHashMap<>();
        CertificationFlow lastWarmUp = null;
        String lastUser = null;
        RequestForm lastForm = null;
        for (int i = 0; i < warmUps; i++) {
            Replica replica = replicas.get(i % replicas.size());
            lastUser = nextUser.next();
            lastForm = nextForm.next();
            Guichet employer = Guichet.user(replica.platform(), http, keycloak, lastUser, RealmUsers.PASSWORD);
            lastWarmUp = new CertificationFlow(lastForm, employer, replica.operator(), replica.domainSystem(),
                    replica.printProvider(), warmUpHops, warmUpChannels);
            Duration d = lastWarmUp.run();
            progress("warm-up flow " + (i + 1) + ": " + d.toMillis() + " ms");
        }
        if (!options.onlyEndpoints()) {
            flowRounds(config, launcherIsThisJvm, replicas, endpoints, http, keycloak, postgres, processes, nextUser,
                    nextForm, warmUpHops, warmUpChannels, traces);
        }
        if (endpointsRound) {
            String user = lastUser;
            Platform platform = replicas.get(0).platform();
            hotEndpoints(processes, platform, keycloak, replicas.get(0).domainSystem(), Guichet.user(platform, http,
                    keycloak, user, RealmUsers.PASSWORD), () -> keycloak.user(user, RealmUsers.PASSWORD), lastWarmUp.space(),
                    lastForm.employer().registrationNumber());
        }
    }

    private void hotEndpoints(List<ProcessStats.Tracked> processes, Platform platform, Keycloak keycloak,
                              Guichet domainSystem, Guichet employer,
                              java.util.function.Supplier<String> employerToken, java.util.UUID space,
                              String employerNumber) throws Exception {
        progress("endpoints round: wrk against the hot endpoints of space " + space);
        HotEndpoints hot = new HotEndpoints(System.out, options.plots(), options.concurrency(),
                Duration.ofSeconds(options.endpointSeconds()), Duration.ofSeconds(options.warmUpSeconds()), processes);
        List<HotEndpoints.Curve> curves = hot.measure(hot.targets(platform.mandate(), platform.space(),
                platform.edelivery(), space, employerNumber, CertificationFlow.DOMAIN_USED, domainSystem,
                keycloak::domainSystem, employer, employerToken));
        hot.print(curves);
        if (!options.intake().isEmpty()) {
            progress("document intake: POST /api/documents with 100 KB PDFs");
            byte[] pdf = lu.ccss.guichet.client.TestDocuments.pdfOfSize("Contribution statement",
                    "Benchmark document intake", 100 * 1024);
            hot.printIntake(hot.intake(platform.mailing(), space, employerNumber, CertificationFlow.DOMAIN_USED,
                    domainSystem, keycloak::domainSystem, pdf, options.intake()));
        }
    }

    private void flowRounds(LauncherConfig config, boolean launcherIsThisJvm, List<Replica> replicas,
                            Latencies endpoints, Http http, Keycloak keycloak, String postgres,
                            List<ProcessStats.Tracked> processes,
                            Iterator<String> nextUser, Iterator<RequestForm> nextForm, Latencies warmUpHops,
                            Map<String, LongAdder> warmUpChannels, TraceReceiver traces) throws Exception {

        List<Round> results = new ArrayList<>();
        List<Round> warmUpResults = new ArrayList<>();
        Map<Round, List<HopTiming>> hopTimings = new java.util.LinkedHashMap<>();
        Map<String, Profiles.Summary> profiles = Map.of();
        int profiledRound = 0;
        List<Integer> rounds = new ArrayList<>();
        rounds.addAll(warmUpRounds(options.warmUpFlows()));
        int warmUpRounds = rounds.size();
        rounds.addAll(options.flows());
        HopFloor.DuringRounds kafkaProbe = options.probeFloor()
                ? new HopFloor.DuringRounds("localhost:" + config.kafkaPort()) : null;
        for (int index = 0; index < rounds.size(); index++) {
            int n = rounds.get(index);
            boolean warmingUp = index < warmUpRounds;
            progress((warmingUp ? "warm-up round (not counted, lets the JIT compile the hot paths): " : "round: ") + n
                    + " concurrent flow(s)");
            endpoints.clear();
            Latencies hops = new Latencies();
            Map<String, LongAdder> channels = new ConcurrentHashMap<>();
            LongAdder flowThreadsCpu = new LongAdder();
            ConcurrentLinkedQueue<Duration> durations = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            // n workers run max(n, MIN_FLOWS_PER_ROUND) flows: at low concurrency a round has enough flows for p50.
            ConcurrentLinkedQueue<CertificationFlow> flows = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < flowsIn(n); i++) {
                Replica replica = replicas.get(i % replicas.size());
                flows.add(new CertificationFlow(nextForm.next(), Guichet.user(replica.platform(), http, keycloak,
                        nextUser.next(), RealmUsers.PASSWORD), replica.operator(), replica.domainSystem(),
                        replica.printProvider(), hops, channels));
            }
            List<CertificationFlow> roundFlows = List.copyOf(flows);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        for (CertificationFlow flow = flows.poll(); flow != null; flow = flows.poll()) {
                            try {
                                durations.add(flow.run());
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        flowThreadsCpu.add(THREADS.getCurrentThreadCpuTime());
                        done.countDown();
                    }
                }, "flow-" + i);
                t.setDaemon(true);
                t.start();
            }
            boolean profiled = options.profile() && index == rounds.size() - 1;
            Profiles profiling = profiled ? Profiles.start(services(processes), config.dataDir()) : null;
            Map<ProcessStats.Tracked, ProcessStats.Sample> before = ProcessStats.sample(processes);
            long xidsBefore = Ceilings.transactionIds(postgres);
            long commitsBefore = Ceilings.committedTransactions(postgres);
            long clientCpuBefore = clientThreadsCpu();
            Map<String, Long> threadsBefore = threadCpuByGroup();
            double jitBefore = ProcessStats.jitCompilerSeconds(services(processes));
            long startEpochNanos = epochNanos();
            long start = System.nanoTime();
            if (kafkaProbe != null) {
                kafkaProbe.clear();
            }
            go.countDown();
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            HopFloor.Kafka kafkaDuringRound = kafkaProbe == null ? null : kafkaProbe.sinceCleared();
            long endEpochNanos = epochNanos();
            double clientCpu = (flowThreadsCpu.sum() + clientThreadsCpu() - clientCpuBefore) / 1e9;
            long xids = Ceilings.transactionIds(postgres) - xidsBefore - 1; // the query itself takes one id
            long commits = Ceilings.committedTransactions(postgres) - commitsBefore;
            Map<ProcessStats.Tracked, ProcessStats.Sample> after = ProcessStats.sample(processes);
            double jit = ProcessStats.jitCompilerSeconds(services(processes)) - jitBefore;
            if (profiling != null) {
                profiles = profiling.stop(config.dataDir().resolve("jfr"));
                profiledRound = n;
            }
            MembershipHop.record(new PlatformData(config), roundFlows.stream().map(CertificationFlow::space)
                    .filter(Objects::nonNull).toList(), hops);
            Map<String, Double> threadGroups = new java.util.TreeMap<>();
            threadCpuByGroup().forEach((group, nanos) -> {
                double delta = (nanos - threadsBefore.getOrDefault(group, 0L)) / 1e9;
                if (delta >= 0.05) {
                    threadGroups.put(group, delta);
                }
            });
            Round round = new Round(n, seconds, List.copyOf(durations), List.copyOf(failures), endpoints.summaries(),
                    hops.summaries(), before, after, xids, commits, counts(channels),
                    launcherIsThisJvm ? clientCpu : 0, threadGroups, jit, kafkaDuringRound);
            if (warmingUp) {
                warmUpResults.add(round);
            } else {
                results.add(round);
                if (traces != null) {
                    Thread.sleep(1000); // the services export their spans every 200 ms
                    hopTimings.put(round, HopTiming.all(traces.spans().stream().filter(span -> span.startNanos()
                            >= startEpochNanos && span.startNanos() <= endEpochNanos).toList()));
                }
            }
            progress(String.format("round %d: %d ok, %d failed, %.1f s, %.2f flows/s, %.2f CPU s per flow, of which "
                    + "the services' JIT compilers %.2f", n, durations.size(), failures.size(), seconds,
                    round.flowsPerSecond(), round.cpuSeconds() / Math.max(1, durations.size()),
                    jit / Math.max(1, durations.size())));
            failures.stream().limit(3).forEach(f -> progress("  failure: " + f));
        }
        if (kafkaProbe != null) {
            kafkaProbe.close();
        }

        progress("ceilings: PostgreSQL commit loop and Argon2id");
        Ceilings.CommitSettings settings = Ceilings.settings(postgres);
        String scratch = Ceilings.prepareScratch("localhost", config.postgresPort());
        List<Ceilings.CommitRate> commitRates = new ArrayList<>();
        Duration loop = Duration.ofSeconds(options.commitSeconds());
        for (int connections : List.of(1, 4, 16)) {
            commitRates.add(Ceilings.commitLoop(scratch, connections, false, loop));
        }
        for (int connections : List.of(1, 16)) {
            commitRates.add(Ceilings.commitLoop(scratch, connections, true, loop));
        }
        double argon2 = Ceilings.argon2VerificationCpuSeconds(15);
        HopFloor.Floor floor = HopFloor.measure("localhost:" + config.kafkaPort(), scratch, 500);

        report.print(config, results, processes, settings, commitRates, argon2, floor, warmUpHops,
                counts(warmUpChannels));
        report.printWarmUpRounds(warmUpResults);
        hopTimings.forEach((round, timings) -> report.printHopTimings(round, timings, floor));
        if (!profiles.isEmpty()) {
            report.printProfiles(profiledRound, profiles);
        }
        List<Scaling.Point> points = results.stream().map(r -> new Scaling.Point(r.n(), r.flowsPerSecond(),
                r.durations().isEmpty() ? Double.NaN : r.cpuSeconds() / r.durations().size(),
                r.flowPercentile(50).toMillis() / 1000.0)).toList();
        double argon2Ceiling = Runtime.getRuntime().availableProcessors() / (argon2 * ARGON2_PER_FLOW);
        progress("scaling figure: " + Scaling.record(options.plots(), config.replicas(), points, argon2Ceiling));
    }

    /** The services' JVM options: the chosen settings, and with {@code --profile} JFR from the start. */
    private List<String> serviceJvmOptions(Path dataDir) throws IOException {
        List<String> jvm = new ArrayList<>(options.productionJvm() ? LauncherConfig.PRODUCTION_SERVICE_JVM_OPTIONS
                : LauncherConfig.DEFAULT_SERVICE_JVM_OPTIONS);
        if (options.profile()) {
            jvm.add(Profiles.jvmOption(dataDir));
        }
        return jvm;
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * The concurrency of each warm-up round: {@code flows} in rounds of at most {@link #WARM_UP_CONCURRENCY}, so
     * that the warm-up compiles the paths of concurrent flows without the queues of a large burst.
     */
    static List<Integer> warmUpRounds(int flows) {
        List<Integer> rounds = new ArrayList<>();
        for (int left = flows; left > 0; left -= WARM_UP_CONCURRENCY) {
            rounds.add(Math.min(left, WARM_UP_CONCURRENCY));
        }
        return rounds;
    }

    /** How many flows a round of {@code concurrency} workers runs. */
    static int flowsIn(int concurrency) {
        return Math.max(concurrency, MIN_FLOWS_PER_ROUND);
    }

    /** One replica of every service, and the shared callers' clients pointed at it. */
    private record Replica(Platform platform, Guichet operator, Guichet domainSystem, PrintProvider printProvider) {
    }

    /** The service JVMs among the stack's processes (not Keycloak, PostgreSQL, the launcher or the portal). */
    private static List<ProcessStats.Tracked> services(List<ProcessStats.Tracked> processes) {
        return processes.stream().filter(p -> p.name().contains("-service")).toList();
    }

    /** CPU time of this JVM's live threads, by name without its numbers (e.g. data-plane-kafka-request-handler-). */
    private static Map<String, Long> threadCpuByGroup() {
        Map<String, Long> groups = new java.util.HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
                }
            }
        }
        return groups;
    }

    /**
     * CPU time of this JVM's HTTP client threads and of the hop-floor probe's (the benchmark's own work, not the
     * broker's, which may run in this JVM too).
     */
    private static long clientThreadsCpu() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("http-client")
                    || info.getThreadName().contains(HopFloor.DuringRounds.THREAD_NAME))) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** One round of N concurrent flows and what it cost; {@code kafkaDuringRound} is null without --probe-floor. */
    record Round(int n, double seconds, List<Duration> durations, List<Throwable> failures,
                 Map<String, Latencies.Summary> endpoints, Map<String, Latencies.Summary> hops,
                 Map<ProcessStats.Tracked, ProcessStats.Sample> before,
                 Map<ProcessStats.Tracked, ProcessStats.Sample> after, long writeTransactions, long commits,
                 Map<String, Long> documentChannels, double clientCpuSeconds, Map<String, Double> thisJvmThreads,
                 double jitCompilerSeconds, HopFloor.Kafka kafkaDuringRound) {

        double flowsPerSecond() {
            return durations.size() / seconds;
        }

        Duration flowPercentile(int p) {
            List<Duration> sorted = new ArrayList<>(durations);
            if (sorted.isEmpty()) {
                return Duration.ZERO;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        double cpuSeconds() {
            return after.entrySet().stream()
                    .mapToDouble(e -> e.getValue().cpuSeconds() - before.get(e.getKey()).cpuSeconds()).sum();
        }

        /** Writing transactions per completed flow (transaction ids handed out by PostgreSQL). */
        double writesPerFlow() {
            return durations.isEmpty() ? 0 : writeTransactions / (double) durations.size();
        }
    }

    /** The command line. */
    record Options(List<Integer> flows, boolean running, Path dataDir, int portOffset, int commitSeconds,
                   boolean endpoints, boolean onlyEndpoints, List<Integer> concurrency, List<Integer> intake,
                   int endpointSeconds, int warmUpSeconds, Path plots, boolean productionJvm, boolean profile,
                   int warmUpFlows, int replicas, boolean traceHops, boolean probeFloor) {
        static Options parse(String[] args) {
            List<Integer> flows = List.of(1, 10, 50);
            boolean endpoints = false;
            boolean onlyEndpoints = false;
            List<Integer> concurrency = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
            List<Integer> intake = List.of(1, 2, 4, 8, 16, 32);
            int endpointSeconds = 5;
            int warmUpSeconds = 10;
            Path plots = Path.of("docs", "performance");
            boolean running = false;
            Path dataDir = null;
            int portOffset = 0;
            int commitSeconds = 5;
            boolean productionJvm = true;
            boolean profile = false;
            int warmUpFlows = 100;
            int replicas = 1;
            boolean traceHops = false;
            boolean probeFloor = false;
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                } else if (arg.startsWith("--flows=")) {
                    flows = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                    if (flows.isEmpty() || flows.stream().anyMatch(f -> f < 1 || f > 500)) {
                        throw new IllegalArgumentException("--flows: numbers from 1 to 500, e.g. --flows=1,10,50");
                    }
                } else if (arg.equals("--endpoints")) {
                    endpoints = true;
                } else if (arg.equals("--only=endpoints")) {
                    endpoints = true;
                    onlyEndpoints = true;
                } else if (arg.startsWith("--concurrency=")) {
                    concurrency = numbers("--concurrency", value, 0, 1024);
                } else if (arg.startsWith("--intake=")) {
                    intake = numbers("--intake", value, 0, 1024).stream().filter(n -> n > 0).toList();
                } else if (arg.startsWith("--endpoint-seconds=")) {
                    endpointSeconds = Integer.parseInt(value);
                } else if (arg.startsWith("--warm-up-seconds=")) {
                    warmUpSeconds = Integer.parseInt(value);
                } else if (arg.startsWith("--plots=")) {
                    plots = Path.of(value);
                } else if (arg.equals("--running")) {
                    running = true;
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(value);
                } else if (arg.startsWith("--port-offset=")) {
                    portOffset = Integer.parseInt(value);
                } else if (arg.startsWith("--commit-seconds=")) {
                    commitSeconds = Integer.parseInt(value);
                } else if (arg.equals("--jvm=production") || arg.equals("--jvm=quick")) {
                    productionJvm = value.equals("production");
                } else if (arg.startsWith("--replicas=")) {
                    replicas = Integer.parseInt(value);
                } else if (arg.startsWith("--warm-up-flows=")) {
                    warmUpFlows = Integer.parseInt(value);
                } else if (arg.equals("--profile")) {
                    profile = true;
                } else if (arg.equals("--trace-hops")) {
                    traceHops = true;
                } else if (arg.equals("--probe-floor")) {
                    probeFloor = true;
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (traceHops && running) {
                throw new IllegalArgumentException("--trace-hops switches tracing on in the services it starts: "
                        + "not with --running");
            }
            return new Options(onlyEndpoints ? List.of() : flows, running, dataDir, portOffset, commitSeconds,
                    endpoints, onlyEndpoints, concurrency, intake, endpointSeconds, warmUpSeconds, plots, productionJvm,
                    profile, warmUpFlows, replicas, traceHops, probeFloor);
        }

        private static List<Integer> numbers(String option, String value, int min, int max) {
            List<Integer> list = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (list.isEmpty() || list.stream().anyMatch(n -> n < min || n > max)) {
                throw new IllegalArgumentException(option + ": numbers from " + Math.max(1, min) + " to " + max);
            }
            return list;
        }
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> out = new java.util.TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    static void progress(String message) {
        System.err.println("[benchmark " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
