package lu.ccss.guichet.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What a verified access token must carry beyond its signature, issuer, audience and lifetime (checked by
 * quarkus-oidc): a {@code sub}, the person's stable id, that fits where it is stored (VARCHAR(255) columns) and
 * holds no control character. Any other token is refused with 401 before a resource runs, so no service reaches a
 * 500 on it.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenRules.class);

    /** The user id columns are VARCHAR(255). */
    public static final int SUBJECT_MAX = 255;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                && !acceptableSubject(token.getSubject())) {
            LOG.debug("Refused an access token without a usable subject");
            return Uni.createFrom().failure(new AuthenticationFailedException("Access token without a usable sub"));
        }
        return Uni.createFrom().item(identity);
    }

    static boolean acceptableSubject(String subject) {
        return subject != null && !subject.isBlank() && subject.length() <= SUBJECT_MAX
                && subject.chars().noneMatch(Character::isISOControl);
    }
}
