package lu.ccss.guichet.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import lu.ccss.guichet.client.Http;
import lu.ccss.guichet.client.Keycloak;
import lu.ccss.guichet.client.Response;
import lu.ccss.guichet.launcher.LauncherConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One employer per flow, as in real life: each flow signs in as its own person. The platform serialises one person's
 * space creations (the 200-spaces rule) and code attempts (the failure limit) on purpose; fifty flows of the single
 * demo user {@code employer} would measure that queue, not the platform. The users are made in the realm
 * {@code guichet} through Keycloak's admin API (the local stack's admin account), with the realm role {@code user}.
 */
final class BenchmarkUsers {

    static final String PASSWORD = "bench-" + UUID.randomUUID();

    private final LauncherConfig config;
    private final Http http;
    private final String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private int created;

    BenchmarkUsers(LauncherConfig config, Http http) {
        this.config = config;
        this.http = http;
    }

    /** Creates {@code count} users; answers their user names. */
    List<String> create(int count) {
        String admin = adminToken();
        JsonNode userRole = http.send("admin: GET role", Http.get(URI.create(config.keycloakUrl()
                + "/admin/realms/" + LauncherConfig.REALM + "/roles/user")), admin).expect(200).json();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = prefix + (++created);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("emailVerified", true);
            user.put("firstName", "Bench");
            user.put("lastName", "User " + created);
            user.put("email", username + "@benchmark.local");
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
    static void signIn(Keycloak keycloak, List<String> users) {
        users.forEach(u -> keycloak.user(u, PASSWORD));
    }
}
