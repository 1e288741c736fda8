package lu.ccss.guichet.client;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.launcher.LauncherConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final LauncherConfig config;
    private final Http http;
    private final String prefix;
    private final AtomicInteger created = new AtomicInteger();

    /** Users named {@code <kind>-<time>-<n>}, e.g. {@code bench-…-1}. */
    public RealmUsers(LauncherConfig config, Http http, String kind) {
        this.config = config;
        this.http = http;
        this.prefix = kind + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    }

    /** Creates {@code count} users; answers their user names. */
    public List<String> create(int count) {
        String admin = adminToken();
        JsonNode userRole = http.send("admin: GET role", Http.get(URI.create(config.keycloakUrl()
                + "/admin/realms/" + LauncherConfig.REALM + "/roles/user")), admin).expect(200).json();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % 50 == 0) {
                admin = adminToken(); // the master realm's tokens live 60 s: hundreds of users take longer
            }
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
                    "id", userRole.get("id").asText(), "name", "user"))), admin).expect(204);
            names.add(username);
        }
        return names;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(LauncherConfig.KEYCLOAK_ADMIN, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(LauncherConfig.KEYCLOAK_ADMIN_PASSWORD, StandardCharsets.UTF_8);
        return http.send("admin: token", Http.postForm(URI.create(config.keycloakUrl()
                + "/realms/master/protocol/openid-connect/token"), form), null).expect(200).json()
                .get("access_token").asText();
    }

    /** Signs each user in once, so that no flow waits for Keycloak inside a measured round. */
    public static void signIn(Keycloak keycloak, List<String> users) {
        users.forEach(u -> keycloak.user(u, PASSWORD));
    }
}
