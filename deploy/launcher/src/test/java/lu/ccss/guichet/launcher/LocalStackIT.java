package lu.ccss.guichet.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The smoke test of the local run: the same {@link LocalStack} as {@code ./run-local.sh}, on free ports and a
 * temporary data directory, so it never collides with a developer's running stack. Runs in the integration-test
 * phase, after the reactor has packaged the services.
 */
class LocalStackIT {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Under target/, wiped before the run; kept after a failure so that the logs can be read. */
    private final Path dataDir = Path.of("target", "smoke").toAbsolutePath();
    private boolean passed;

    @BeforeEach
    void wipeDataDir() throws IOException {
        KeycloakDistribution.deleteTree(dataDir);
        Files.createDirectories(dataDir);
    }

    @AfterEach
    void deleteDataDirUnlessFailed() throws IOException {
        if (passed) {
            KeycloakDistribution.deleteTree(dataDir);
        } else {
            System.out.println("[smoke] logs kept in " + dataDir.resolve("logs"));
        }
    }

    @Test
    void employerGetsATokenCreatesASpaceSeesItListedAndStopLeavesNoProcessBehind() throws Exception {
        LauncherConfig config = LauncherConfig.builder()
                .repoDir(Path.of(System.getProperty("guichet.repo", "../..")))
                .dataDir(dataDir)
                .freePorts()
                .build(LauncherConfig.Build.NEVER)
                .startupTimeout(Duration.ofMinutes(6))
                .create();
        LocalStack stack = new LocalStack(config, message -> System.out.println("[smoke " + LocalTime.now()
                .truncatedTo(ChronoUnit.SECONDS) + "] " + message));
        try {
            stack.start();
            System.out.println("[smoke] stack ready in " + LocalStack.seconds(stack.startupTime()));

            String token = passwordGrant(config, "employer", "demo");
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"nationalId\":\"1980010112302\""), "nationalId claim in " + claims);
            assertTrue(claims.matches("(?s).*\"realm_access\":\\{\"roles\":\\[[^]]*\"user\".*"),
                    "role user in " + claims);
            assertTrue(claims.contains("\"iss\":\"" + config.issuer() + "\""), "issuer in " + claims);

            String spaces = config.serviceUrl(ServiceDef.ALL.get(0)) + "/api/spaces";
            assertEquals(401, send(HttpRequest.newBuilder(URI.create(spaces)).GET(), null).statusCode(),
                    "no token, no spaces");

            String name = "Smoke test " + UUID.randomUUID();
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(spaces))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"" + name + "\",\"description\":\"created by LocalStackIT\"}")), token);
            assertEquals(201, created.statusCode(), "POST /api/spaces: " + created.body());
            String location = created.headers().firstValue("Location").orElse(null);
            assertNotNull(location, "Location of the new space");
            String id = location.substring(location.lastIndexOf('/') + 1);

            HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(spaces)).GET(), token);
            assertEquals(200, listed.statusCode(), "GET /api/spaces: " + listed.body());
            assertTrue(listed.body().contains(id) && listed.body().contains(name),
                    "the new space " + id + " (" + name + ") in " + listed.body());
        } finally {
            long stopping = System.nanoTime();
            stack.close();
            System.out.println("[smoke] stopped in "
                    + LocalStack.seconds(Duration.ofNanos(System.nanoTime() - stopping)));
        }

        List<ProcessHandle> alive = stack.aliveProcesses();
        assertTrue(alive.isEmpty(), "still running after stop: " + describe(alive));
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .toList();
        assertTrue(strays.isEmpty(), "processes naming " + dataDir + " after stop: " + describe(strays));
        assertTrue(stack.postmasterPid() > 0, "PostgreSQL's postmaster was seen");
        passed = true;
    }

    private String passwordGrant(LauncherConfig config, String username, String password) throws Exception {
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
