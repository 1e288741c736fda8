package lu.ccss.guichet.certification.service;

import lu.ccss.guichet.certification.config.CertificationConfig;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mandate-service's key for the holder's security code: required outside dev and test. */
class SecurityCodeSealerTest {

    private static CertificationConfig config(Optional<String> key) {
        return new CertificationConfig() {
            @Override
            public Duration draftTtl() {
                return Duration.ofDays(30);
            }

            @Override
            public String expiryCheck() {
                return "1h";
            }

            @Override
            public int agentMandateMaxYears() {
                return 5;
            }

            @Override
            public Optional<String> securityCodeKey() {
                return key;
            }

            @Override
            public String securityCodeKeyId() {
                return "test";
            }

            @Override
            public int maxOpenRequestsPerSpace() {
                return 10;
            }

            @Override
            public int maxSecurityCodesPerHour() {
                return 20;
            }
        };
    }

    @Test
    void withoutTheMandateServiceKeyTheServiceRefusesToStartAndSaysWhichVariableIsMissing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SecurityCodeSealer(config(Optional.empty()), true));
        assertTrue(refused.getMessage().contains("SECURITY_CODE_PUBLIC_KEY"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> new SecurityCodeSealer(config(Optional.of(" ")), true));
        IllegalStateException notAKey = assertThrows(IllegalStateException.class,
                () -> new SecurityCodeSealer(config(Optional.of("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC "
                        + "KEY-----\n")), true));
        assertTrue(notAKey.getMessage().contains("SECURITY_CODE_PUBLIC_KEY"), notAKey.getMessage());
        // In dev and test it starts, with a warning, sealing for a throw-away key.
        new SecurityCodeSealer(config(Optional.empty()), false);
    }

    @Test
    void itSealsForTheConfiguredKeyAndKeyId() {
        SecurityCodeSealer sealer = new SecurityCodeSealer(
                config(Optional.of("src/test/resources/keys/security-code-test-public.pem")), true);
        String hash = Argon2idHasher.withDefaults().hash("Sealed-42a");
        UUID requestId = UUID.randomUUID();
        SealedSecurityCodeHash sealed = sealer.seal(hash, requestId);
        assertEquals("test", sealed.keyId());
        assertEquals(hash, SecurityCodeHashSeal.open(sealed, requestId,
                KeyMaterial.privateKey("src/test/resources/keys/security-code-test-private.pem")));
        assertThrows(IllegalStateException.class, () -> sealer.seal(null, requestId));
    }
}
