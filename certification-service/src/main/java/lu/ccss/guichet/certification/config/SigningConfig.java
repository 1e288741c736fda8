package lu.ccss.guichet.certification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Which e-signature adapter signs request documents, and its settings. */
@ConfigMapping(prefix = "guichet.signing")
public interface SigningConfig {

    /** {@code local} (a real key of this service) or {@code luxtrust} (production; not reachable from here). */
    @WithDefault("local")
    Provider provider();

    Local local();

    LuxTrust luxtrust();

    enum Provider {
        LOCAL,
        LUXTRUST
    }

    interface Local {
        /** Path of a PKCS#12 keystore holding the signing key and its certificate chain; generated when absent. */
        Optional<String> keystore();

        Optional<String> keystorePassword();

        /** Alias of the key entry; the first key entry when absent. */
        Optional<String> keyAlias();

        /**
         * Whether the local signer may run in production mode (what {@code quarkus-run.jar} runs): only for the local
         * run or a test installation. Its seal is this service's own key, not a qualified signature.
         */
        @WithDefault("false")
        boolean allowedInProduction();

        /** The signature's location field. */
        @WithDefault("MyGuichet.lu")
        String location();
    }

    interface LuxTrust {
        /** Where the LuxTrust signing service would be reached from production. */
        Optional<String> endpoint();
    }
}
