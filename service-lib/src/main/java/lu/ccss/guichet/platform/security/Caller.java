package lu.ccss.guichet.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** The person (or system) behind the current request, from its verified OIDC access token. */
@RequestScoped
public class Caller {

    public static final String ROLE_USER = "user";
    public static final String ROLE_OPERATOR = "ccss-operator";
    public static final String ROLE_DOMAIN_SYSTEM = "domain-system";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token's {@code sub}: the stable id of the person. */
    public String userId() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new IllegalStateException("Access token without subject");
        }
        return subject;
    }

    /** The person's name for display, when the token carries one. */
    public Optional<String> displayName() {
        return claim("name").or(() -> claim("preferred_username"));
    }

    /** The national identification number claim ({@code nationalId}), when the token carries one. */
    public Optional<String> nationalId() {
        return claim("nationalId");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
