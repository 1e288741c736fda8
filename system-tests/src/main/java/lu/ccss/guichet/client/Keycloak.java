package lu.ccss.guichet.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real tokens from the realm {@code guichet}: the password grant of the public client {@code guichet-portal} for
 * people (as the portal's front end does), client credentials for a domain system. A token is reused until shortly
 * before it expires.
 */
public final class Keycloak {

    public static final String PORTAL_CLIENT = "guichet-portal";
    public static final String DOMAIN_SYSTEM_CLIENT = "domain-system";
    /** The local realm's secret of {@code domain-system} (deploy/keycloak/guichet-realm.json; local use only). */
    public static final String DOMAIN_SYSTEM_SECRET = "domain-system-secret";
    public static final String DEMO_PASSWORD = "demo";
    public static final String PRINT_PROVIDER_CLIENT = "print-provider";
    /** The local realm's secret of {@code print-provider} (deploy/keycloak/guichet-realm.json; local use only). */
    public static final String PRINT_PROVIDER_SECRET = "print-provider-secret";

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final Platform platform;
    private final Http http;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    public Keycloak(Platform platform, Http http) {
        this.platform = platform;
        this.http = http;
    }

    /** An access token of a demo user (password {@code demo}). */
    public String user(String username) {
        return user(username, DEMO_PASSWORD);
    }

    public String user(String username, String password) {
        return cached("user:" + username, () -> grant(Map.of("grant_type", "password", "client_id", PORTAL_CLIENT,
                "username", username, "password", password)));
    }

    /** The access token of the {@code domain-system} service account. */
    public String domainSystem() {
        return cached("client:" + DOMAIN_SYSTEM_CLIENT, () -> grant(Map.of("grant_type", "client_credentials",
                "client_id", DOMAIN_SYSTEM_CLIENT, "client_secret", DOMAIN_SYSTEM_SECRET)));
    }

    /** The access token of the {@code print-provider} service account (role print-provider). */
    public String printProvider() {
        return cached("client:" + PRINT_PROVIDER_CLIENT, () -> grant(Map.of("grant_type", "client_credentials",
                "client_id", PRINT_PROVIDER_CLIENT, "client_secret", PRINT_PROVIDER_SECRET)));
    }

    /** The claims of a token (its payload, decoded; the signature was checked by whoever accepted it). */
    public static JsonNode claims(String accessToken) {
        return Json.read(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
    }

    private String cached(String key, java.util.function.Supplier<Token> fetch) {
        return cache.compute(key, (k, current) -> current != null && current.fresh() ? current : fetch.get())
                .accessToken();
    }

    private Token grant(Map<String, String> parameters) {
        Map<String, String> ordered = new LinkedHashMap<>(parameters);
        String form = ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode body = http.send("POST token (" + parameters.get("grant_type") + ")",
                Http.postForm(platform.tokenEndpoint(), form), null).expect(200).json();
        return new Token(body.get("access_token").asText(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY));
    }

    private record Token(String accessToken, Instant renewAt) {
        boolean fresh() {
            return Instant.now().isBefore(renewAt);
        }
    }
}
