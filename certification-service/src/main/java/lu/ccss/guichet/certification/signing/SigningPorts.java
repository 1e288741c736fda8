package lu.ccss.guichet.certification.signing;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lu.ccss.guichet.certification.config.SigningConfig;
import org.jboss.logging.Logger;

/** Chooses the signing adapter from {@code guichet.signing.provider} ({@code SIGNING_PROVIDER}). */
@ApplicationScoped
public class SigningPorts {

    private static final Logger LOG = Logger.getLogger(SigningPorts.class);

    private final SigningConfig config;
    private final LocalPdfSigner local;
    private final LuxTrustSigner luxTrust;

    public SigningPorts(SigningConfig config, LocalPdfSigner local, LuxTrustSigner luxTrust) {
        this.config = config;
        this.local = local;
        this.luxTrust = luxTrust;
    }

    /** The adapter in use. */
    public SigningPort current() {
        return config.provider() == SigningConfig.Provider.LUXTRUST ? luxTrust : local;
    }

    /** The local signer in production mode only when explicitly allowed: it stops the service otherwise. */
    static void requireLocalAllowed(LaunchMode mode, boolean allowedInProduction) {
        if (mode == LaunchMode.NORMAL && !allowedInProduction) {
            throw new IllegalStateException("The local signer seals request documents with this service's own key, "
                    + "which is not a qualified electronic signature: in production set SIGNING_PROVIDER=luxtrust, or "
                    + "SIGNING_LOCAL_ALLOWED_IN_PRODUCTION=true for a local or test installation");
        }
    }

    /** Reads (or generates, with its WARNING) the local key at startup rather than at the first signature. */
    void onStart(@Observes StartupEvent event) {
        if (config.provider() == SigningConfig.Provider.LOCAL) {
            requireLocalAllowed(LaunchMode.current(), config.local().allowedInProduction());
            local.key();
        } else {
            LOG.warnf("Signing provider luxtrust selected: %s; signature requests will be answered with 503",
                    LuxTrustSigner.NOT_REACHABLE);
        }
    }
}
