package lu.ccss.guichet.mailing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The print provider's public key: every download of codes is encrypted for it ({@code guichet.print.*}). */
@ConfigMapping(prefix = "guichet.print")
public interface PrintProviderConfig {

    /** RSA public key (X.509 SubjectPublicKeyInfo PEM text, or the path of a PEM file) of the print provider. */
    Optional<String> providerPublicKey();

    /** The id of that key, written in every sealed download so the provider knows which private key opens it. */
    @WithDefault("local")
    String providerKeyId();
}
