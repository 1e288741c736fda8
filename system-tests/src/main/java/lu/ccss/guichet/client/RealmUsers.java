package lu.ccss.guichet.client;

import lu.ccss.guichet.launcher.LauncherConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People made for a test run in the realm {@code guichet} through Keycloak's admin API (the local stack's admin
 * account), with the realm role {@code user} and no national number: the benchmark's employers (one person per
 * flow, since the platform serialises one person's space creations and code attempts on purpose) and the
 * authorization matrix's stranger.
 */
public final class RealmUsers {

    public static final String PASSWORD = "run-" + UUID.randomUUID();
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofSeconds(30);

    private final LauncherConfig config;
    private final Http http;
    private final String prefix;
    private final AtomicInteger created = new AtomicInteger();
    private String adminToken;
    private long adminTokenAt;
    private String userRoleId;

    /** Users named {@code <kind>-<time>-<n>}, e.g. {@code bench-…-1}. */
    public RealmUsers(LauncherConfig config, Http http, String kind) {
        this.config = config;
        this.http = http;
        this.prefix = kind + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    }

    /** Creates {@code count} users; answers their user names. Safe to call from several threads. */
    public List<String> create(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String admin = adminToken();
            int n = created.incrementAndGet();
            String username = prefix + n;
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("emailVerified", true);
            user.put("firstName", "Bench");
            user.put("lastName", "User " + n);
            user.put("email", username + "@guichet.test");
            user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
            Response made = http.send("admin: POST user", Http.postJson(URI.create(config.keycloakUrl()
                    + "/admin/realms/" + LauncherConfig.REALM + "/users"), user), admin).expect(201);
            String id = made.header("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElseThrow();
            http.send("admin: POST role mapping", Http.postJson(URI.create(config.keycloakUrl() + "/admin/realms/"
                    + LauncherConfig.REALM + "/users/" + id + "/role-mappings/realm"), List.of(Map.of(
                    "id", userRoleId(admin), "name", "user"))), admin).expect(204);
            names.add(username);
        }
        return names;
    }

    private synchronized String userRoleId(String admin) {
        if (userRoleId == null) {
            userRoleId = http.send("admin: GET role", Http.get(URI.create(config.keycloakUrl() + "/admin/realms/"
                    + LauncherConfig.REALM + "/roles/user")), admin).expect(200).json().get("id").asText();
        }
        return userRoleId;
    }

    /**
     * An admin token of the master realm, fetched again once it is half its life (60 s) old: a sign-in costs Keycloak
     * a password hash, and flows that each make their people would otherwise sign the admin in every time.
     */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_REUSE.toNanos()) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(LauncherConfig.KEYCLOAK_ADMIN, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(LauncherConfig.KEYCLOAK_ADMIN_PASSWORD, StandardCharsets.UTF_8);
            adminToken = http.send("admin: token", Http.postForm(URI.create(config.keycloakUrl()
                    + "/realms/master/protocol/openid-connect/token"), form), null).expect(200).json()
                    .get("access_token").asText();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    /** Signs each user in once, so that no flow waits for Keycloak inside a measured round. */
    public static void signIn(Keycloak keycloak, List<String> users) {
        users.forEach(u -> keycloak.user(u, PASSWORD));
    }
}
