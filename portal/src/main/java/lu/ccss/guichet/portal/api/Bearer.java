package lu.ccss.guichet.portal.api;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person's access token, propagated to the services: it comes from the encrypted session cookie
 * (quarkus-oidc web-app) and leaves the portal only in the {@code Authorization} header of a server-side call.
 */
public final class Bearer {

    private Bearer() {
    }

    /** Used by {@code @ClientHeaderParam} on every REST client of the portal. */
    public static String header() {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token: the page needs a signed-in person");
        }
        return "Bearer " + token.getToken();
    }
}
