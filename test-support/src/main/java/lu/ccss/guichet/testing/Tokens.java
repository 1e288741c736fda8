package lu.ccss.guichet.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens accepted by a service under test with {@code OidcWiremockTestResource} (issuer
 * {@code https://server.example.com}, key {@code privateKey.jwk} of quarkus-test-oidc-server).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience every service requires ({@code quarkus.oidc.token.audience}, service-lib's default). */
    public static final String AUDIENCE = "guichet-api";

    private Tokens() {
    }

    /** A fresh subject, so that each test acts as a person nobody else is. */
    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    /** A signed-in person (realm role {@code user}). */
    public static String user(String subject) {
        return token(subject, Set.of("user"), Map.of());
    }

    /** A signed-in person carrying a national identification number claim. */
    public static String user(String subject, String nationalId) {
        return token(subject, Set.of("user"), Map.of("nationalId", nationalId));
    }

    /** A CCSS operator. */
    public static String operator(String subject) {
        return token(subject, Set.of("ccss-operator"), Map.of());
    }

    /** The service account of another government system. */
    public static String domainSystem() {
        return token("service-account-domain-system", Set.of("domain-system"), Map.of());
    }

    public static String token(String subject, Set<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(subject)
                .subject(subject)
                .groups(roles)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("name", subject);
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }
}
