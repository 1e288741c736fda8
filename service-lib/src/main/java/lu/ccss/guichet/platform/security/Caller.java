package lu.ccss.guichet.platform.security;

import io.quarkus.security.UnauthorizedException;
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

    /** The longest display name kept: the {@code display_name} columns are VARCHAR(200). */
    public static final int DISPLAY_NAME_MAX = 200;

    /**
     * The token's {@code sub}: the stable id of the person. {@link TokenRules} refuses a token without one (401)
     * before any resource runs; this check stays for code reached otherwise.
     */
    public String userId() {
        String subject = token.getSubject();
        if (!TokenRules.acceptableSubject(subject)) {
            throw new UnauthorizedException("Access token without a usable subject");
        }
        return subject;
    }

    /**
     * The person's name for display, when the token carries one: control characters dropped, spaces trimmed, cut
     * to {@link #DISPLAY_NAME_MAX} characters (a name is shown, never matched, so a cut name is harmless; refusing
     * the person for a long name in the identity provider would not be).
     */
    public Optional<String> displayName() {
        return claim("name").or(() -> claim("preferred_username")).map(Caller::displayable)
                .filter(name -> !name.isEmpty());
    }

    static String displayable(String raw) {
        String clean = raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.codePointCount(0, clean.length()) <= DISPLAY_NAME_MAX) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, DISPLAY_NAME_MAX)).strip();
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
