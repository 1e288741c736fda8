package lu.ccss.guichet.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access tokens quarkus-oidc has already verified in this JVM, until each one's {@code exp}: a caller sending
 * the same token again (a domain system asks {@code GET /api/authorizations} on every use, with the one token of
 * its client credentials) is not verified a second time — no RS256 signature check, no claims parsing.
 *
 * <p>It answers exactly what verifying again would answer: a JWT's signature, issuer and audience are facts of its
 * bytes, so an entry is keyed by the whole token (a token differing in any byte, its signature included, is a
 * miss and goes to quarkus-oidc), and it leaves the cache at its {@code exp}. What a token is allowed to do is
 * still decided on every request ({@link TokenRules} and the other augmentors run on a remembered identity too;
 * mandates and memberships are read from the database). Keycloak's revocation of a session is not seen, with or
 * without this cache: the services verify tokens locally, which is why access tokens live minutes.
 *
 * <p>Two roles in one place: as the {@link IdentityProvider} of highest priority it answers a remembered token
 * (else nothing, and quarkus-oidc verifies); as the first {@link SecurityIdentityAugmentor} it remembers what
 * quarkus-oidc verified. At most {@code guichet.security.verified-tokens.max} tokens (default 2 000, a few KB
 * each; 0: off), least recently used out first.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Set on an identity answered from this cache, so that it is not remembered a second time. */
    static final String REMEMBERED = "guichet.verified-token.remembered";
    /** The attributes quarkus-oidc ties to one request: a remembered identity gets the current request's. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Cache<String, Verified> tokens;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "guichet.security.verified-tokens.max", defaultValue = "2000") int max,
                   MeterRegistry registry) {
        this.clock = Clock.systemUTC();
        this.tokens = Caffeine.newBuilder().maximumSize(Math.max(0, max)).expireAfter(new UntilExp(clock)).build();
        this.hits = Counter.builder("guichet.security.verified.tokens").tag("result", "remembered")
                .description("Access tokens answered from the tokens this instance already verified")
                .register(registry);
        this.misses = Counter.builder("guichet.security.verified.tokens").tag("result", "verified")
                .description("Access tokens verified by quarkus-oidc (then remembered until their exp)")
                .register(registry);
    }

    /** One verified token: the identity quarkus-oidc made of it, without the request it came with. */
    record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified verified = tokens.getIfPresent(request.getToken().getToken());
        if (verified == null || !clock.instant().isBefore(verified.expiresAt())) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified.identity())
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, routing == null ? null : routing.get(REQUEST_CONTEXT))
                .addAttribute(REMEMBERED, Boolean.TRUE)
                .build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    /** Remembers an identity quarkus-oidc made of a JWT access token, until the token's {@code exp}. */
    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(REMEMBERED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        // Only an identity made of the bearer token itself (not, say, a code flow's ID token beside an access token).
        if (credential == null || credential.getToken() == null || !credential.getToken().equals(jwt.getRawToken())) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (clock.instant().isBefore(expiresAt)) {
            // Kept without the request it arrived with: the routing context would hold that request's buffers.
            tokens.put(credential.getToken(), new Verified(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(ROUTING_CONTEXT, null).addAttribute(REQUEST_CONTEXT, null).build(), expiresAt));
        }
    }

    /** An entry lives until its token's {@code exp}, however often it is read. */
    private record UntilExp(Clock clock) implements Expiry<String, Verified> {
        @Override
        public long expireAfterCreate(String token, Verified verified, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), verified.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
