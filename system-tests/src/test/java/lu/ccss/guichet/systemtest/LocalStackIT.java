package lu.ccss.guichet.systemtest;

import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.launcher.LocalStack;
import lu.ccss.guichet.launcher.ServiceDef;
import lu.ccss.guichet.launcher.ServiceInstance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The smoke test of the local run: the {@link LocalStack} of {@code ./run-local.sh}, here the system tests' shared
 * platform (free ports, a data directory under {@code target/platform}, two replicas of the space-service), so it
 * never collides with a developer's running stack and the build starts one platform, not two.
 *
 * <p>Runs after every other suite, since it hurts the platform on purpose, in order: a replica killed (its twin
 * serving) and restarted,
 * Kafka restarted, PostgreSQL restarted; then the platform stopped, leaving nothing behind. The time each part took
 * to be ready again is printed as {@code [smoke] timing: ...}.
 */
@Order(7)
@ExtendWith(SharedPlatform.Use.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    /** The service the shared platform runs twice. */
    static final String TWIN_SERVICE = "space-service";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final String SPACE_EVENTS = "guichet.space.events";
    private static final Duration READY_AGAIN = Duration.ofMinutes(3);
    /** How long to watch for the services to notice that Kafka or PostgreSQL is down. */
    private static final Duration NOTICE_DOWN = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SharedPlatform shared;
    private Path dataDir;
    private LauncherConfig config;
    private LocalStack stack;
    private String token;
    private String spaceId;

    @BeforeAll
    void useTheSharedPlatform() {
        shared = SharedPlatform.current();
        dataDir = shared.dataDir();
        config = shared.config();
        stack = shared.stack();
    }

    @Test
    @Order(1)
    void everyReplicaOfEveryServiceIsReadyOnItsOwnPort() throws Exception {
        List<ServiceInstance> instances = stack.instances();
        assertEquals(2, config.replicas(ServiceDef.named(TWIN_SERVICE)));
        assertEquals(ServiceDef.ALL.size() + 1, instances.size(), "instances: " + instances);
        assertEquals(instances.size(), instances.stream().map(ServiceInstance::port).distinct().count(),
                "distinct ports: " + instances);
        for (ServiceDef s : ServiceDef.ALL) {
            assertEquals(config.serviceUrls(s), instances.stream().filter(i -> i.service().equals(s.name()))
                    .map(ServiceInstance::url).toList(), s.name());
        }
        for (ServiceInstance instance : instances) {
            assertTrue(instance.alive(), instance.toString());
            assertEquals("UP", readiness(instance), instance.toString());
        }
    }

    @Test
    @Order(2)
    void employerGetsATokenCreatesASpaceOnOneReplicaAndSeesItListedOnTheOther() throws Exception {
        token = passwordGrant("employer", "demo");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"nationalId\":\"1980010112302\""), "nationalId claim in " + claims);
        assertTrue(claims.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^]]*\"user\".*"),
                "role user in " + claims);
        assertTrue(claims.contains("\"iss\":\"" + config.issuer() + "\""), "issuer in " + claims);

        List<String> spaces = spacesUrls();
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(spaces.get(0))).GET(), null).statusCode(),
                "no token, no spaces");
        String name = "Smoke test " + UUID.randomUUID();
        spaceId = createSpace(spaces.get(0), name);
        assertSpaceListed(spaces.get(1), spaceId, name);
    }

    @Test
    @Order(3)
    void aKilledReplicaIsGoneWhileItsTwinServesAndARestartBringsItBackOnTheSamePort() throws Exception {
        ServiceInstance before = instance(TWIN_SERVICE, 1);
        stack.kill(TWIN_SERVICE, 1);

        ServiceInstance killed = instance(TWIN_SERVICE, 1);
        assertFalse(killed.alive(), "killed: " + killed);
        assertFalse(ProcessHandle.of(before.pid()).map(ProcessHandle::isAlive).orElse(false), "pid " + before.pid());
        assertFalse(accepts(before.port()), "port " + before.port() + " refuses connections once killed");
        assertEquals("UP", readiness(instance(TWIN_SERVICE, 2)), "the other replica");
        assertSpaceListed(spacesUrls().get(1), spaceId, null);

        Duration ready = stack.restart(TWIN_SERVICE, 1);
        timing("space-service replica 1 killed (SIGKILL) and restarted: ready again in " + seconds(ready));
        ServiceInstance after = instance(TWIN_SERVICE, 1);
        assertTrue(after.alive(), after.toString());
        assertNotEquals(before.pid(), after.pid(), "a new JVM");
        assertEquals(before.port(), after.port(), "the same port");
        assertEquals("UP", readiness(after));
        assertSpaceListed(spacesUrls().get(0), spaceId, null);
    }

    @Test
    @Order(4)
    void afterAKafkaRestartTheServicesAreReadyAgainTheTopicsKeptTheirRecordsAndEventsFlow() throws Exception {
        String bootstrap = bootstrap();
        awaitRecordKeyed(bootstrap, SPACE_EVENTS, spaceId);

        restartWatchingReadiness("Kafka", stack::restartKafka);

        awaitRecordKeyed(bootstrap, SPACE_EVENTS, spaceId);
        // the outbox relay's producer found the broker again
        String created = createSpace(spacesUrls().get(1), "After the Kafka restart " + UUID.randomUUID());
        awaitRecordKeyed(bootstrap, SPACE_EVENTS, created);
        String topic = "guichet.smoke.test";
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "after the restart")).get();
        }
        awaitRecordKeyed(bootstrap, topic, key);
    }

    @Test
    @Order(5)
    void afterAPostgresRestartTheServicesAreReadyAgainKeepTheirDataAndRelayEvents() throws Exception {
        long postmaster = stack.postmasterPid();
        restartWatchingReadiness("PostgreSQL", stack::restartPostgres);
        assertNotEquals(postmaster, stack.postmasterPid(), "a new postmaster");

        List<String> spaces = spacesUrls();
        assertSpaceListed(spaces.get(1), spaceId, null);
        String name = "After the restart " + UUID.randomUUID();
        String id = createSpace(spaces.get(1), name);
        assertSpaceListed(spaces.get(0), id, name);
        // the outbox relay (and its LISTEN connection) found the database again
        awaitRecordKeyed(bootstrap(), SPACE_EVENTS, id);
    }

    @Test
    @Order(6)
    void stopLeavesNoProcessBehind() {
        long stopping = System.nanoTime();
        stack.close();
        System.out.println("[smoke] stopped in " + seconds(Duration.ofNanos(System.nanoTime() - stopping)));

        assertTrue(stack.killedAfterGrace().isEmpty(), "did not stop within the grace after SIGTERM, killed: "
                + stack.killedAfterGrace());
        List<ProcessHandle> alive = stack.aliveProcesses();
        assertTrue(alive.isEmpty(), "still running after stop: " + describe(alive));
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .toList();
        assertTrue(strays.isEmpty(), "processes naming " + dataDir + " after stop: " + describe(strays));
        assertTrue(stack.postmasterPid() > 0, "PostgreSQL's postmaster was seen");
    }

    /**
     * Restarts {@code what} with {@code restart}, watching every instance's readiness while it is down; prints the
     * recovery times and what each instance said, then waits until every instance is ready again.
     */
    private void restartWatchingReadiness(String what, Function<Runnable, LocalStack.Recovery> restart) {
        Map<String, String> noticed = new LinkedHashMap<>();
        LocalStack.Recovery recovery = restart.apply(() -> noticed.putAll(watchReadinessGoDown()));
        timing(what + " restarted: stopped in " + seconds(recovery.stop()) + ", up in " + seconds(recovery.start())
                + ", every service ready again " + seconds(recovery.ready()) + " after the start");
        timing("readiness while " + what + " was down: " + noticed);
        assertAllReady();
    }

    private String bootstrap() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    private List<String> spacesUrls() {
        return config.serviceUrls(ServiceDef.named(TWIN_SERVICE)).stream().map(url -> url + "/api/spaces")
                .toList();
    }

    private String createSpace(String spacesUrl, String name) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(spacesUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"description\":\"created by LocalStackIT\"}")), token);
        assertEquals(201, created.statusCode(), "POST " + spacesUrl + ": " + created.body());
        String location = created.headers().firstValue("Location").orElse(null);
        assertNotNull(location, "Location of the new space");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void assertSpaceListed(String spacesUrl, String id, String name) throws Exception {
        HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(spacesUrl)).GET(), token);
        assertEquals(200, listed.statusCode(), "GET " + spacesUrl + ": " + listed.body());
        assertTrue(listed.body().contains(id) && (name == null || listed.body().contains(name)),
                "the space " + id + " (" + name + ") in " + listed.body());
    }

    private ServiceInstance instance(String service, int replica) {
        return stack.instances().stream().filter(i -> i.service().equals(service) && i.replica() == replica)
                .findFirst().orElseThrow();
    }

    /** "UP", "DOWN: <the checks' answer>", or "no answer". */
    private String readiness(ServiceInstance instance) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()) {
                return "UP";
            }
            return "DOWN: HTTP " + response.statusCode() + " " + downChecks(response.body());
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The names of the checks that are DOWN in a health answer. */
    private static String downChecks(String body) {
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"")
                .matcher(body);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.toString();
    }

    /**
     * While Kafka or PostgreSQL is down: watches every running instance's readiness, all at once, for at most
     * {@link #NOTICE_DOWN}, and returns per instance when it stopped saying UP and what it said, or that it never did.
     */
    private Map<String, String> watchReadinessGoDown() {
        List<ServiceInstance> running = stack.instances().stream().filter(ServiceInstance::alive).toList();
        ExecutorService pool = Executors.newFixedThreadPool(running.size());
        try {
            long began = System.nanoTime();
            Map<String, Future<String>> watches = new LinkedHashMap<>();
            running.forEach(i -> watches.put(name(i), pool.submit(() -> watchGoDown(i, began))));
            Map<String, String> noticed = new LinkedHashMap<>();
            for (Map.Entry<String, Future<String>> watch : watches.entrySet()) {
                noticed.put(watch.getKey(), watch.getValue().get());
            }
            return noticed;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String watchGoDown(ServiceInstance instance, long began) {
        long deadline = began + NOTICE_DOWN.toNanos();
        while (System.nanoTime() < deadline) {
            String status = readiness(instance);
            if (!status.equals("UP")) {
                return status + " after " + seconds(Duration.ofNanos(System.nanoTime() - began));
            }
            pause();
        }
        return "still UP after " + seconds(NOTICE_DOWN);
    }

    private static String name(ServiceInstance instance) {
        return instance.replica() == 1 ? instance.service() : instance.service() + "-" + instance.replica();
    }

    /** Readiness is checked by the stack already; this is what a client sees, on every replica. */
    private void assertAllReady() {
        for (ServiceInstance instance : stack.instances()) {
            awaitTrue(instance + " ready", READY_AGAIN, () -> readiness(instance).equals("UP"));
        }
    }

    private static void awaitRecordKeyed(String bootstrap, String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            awaitTrue("a record keyed " + key + " on " + topic, READY_AGAIN, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + seconds(timeout) + ": " + what);
            }
            pause();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void timing(String message) {
        System.out.println("[smoke] timing: " + message);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private String passwordGrant(String username, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "guichet-portal", "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(config.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        assertEquals(200, response.statusCode(), "token for " + username + ": " + response.body());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            fail("no access_token in " + response.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                .collect(Collectors.joining("; "));
    }
}
