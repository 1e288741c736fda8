package lu.ccss.guichet.mandate.service;

import lu.ccss.guichet.events.CertificationEvents.RequestTransmitted;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.mandate.config.SecurityCodeConfig;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import lu.ccss.guichet.platform.inbound.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityCodeKeysTest {

    private static final String PRIVATE_KEY = "src/test/resources/keys/security-code-test-private.pem";
    private static final String PUBLIC_KEY = "src/test/resources/keys/security-code-test-public.pem";

    private static SecurityCodeConfig config(String privateKey, String keyId, String previousKey, String previousId) {
        return new SecurityCodeConfig() {
            @Override
            public Optional<String> privateKey() {
                return Optional.ofNullable(privateKey);
            }

            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public Optional<String> previousPrivateKey() {
                return Optional.ofNullable(previousKey);
            }

            @Override
            public Optional<String> previousKeyId() {
                return Optional.ofNullable(previousId);
            }
        };
    }

    private static RequestTransmitted event(UUID requestId, SealedSecurityCodeHash sealed) {
        return new RequestTransmitted(requestId, "CERT-1", UUID.randomUUID(), null, null, List.of(), sealed,
                Instant.now());
    }

    @Test
    void inProductionRefusesToStartWithoutThePrivateKeyAndSaysWhichVariableIsMissing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SecurityCodeKeys(config(null, "test", null, null), true));
        assertTrue(refused.getMessage().contains("SECURITY_CODE_PRIVATE_KEY"), refused.getMessage());
        IllegalStateException notAKey = assertThrows(IllegalStateException.class,
                () -> new SecurityCodeKeys(config(PUBLIC_KEY, "test", null, null), true));
        assertTrue(notAKey.getMessage().contains("SECURITY_CODE_PRIVATE_KEY"), notAKey.getMessage());
        new SecurityCodeKeys(config(null, "local", null, null), false); // dev: a throw-away key, with a warning
    }

    @Test
    void opensWithTheCurrentOrThePreviousKeyAndChecksTheBounds() {
        KeyPair previous = KeyMaterial.throwAwayRsa();
        SecurityCodeKeys keys = new SecurityCodeKeys(config(PRIVATE_KEY, "test",
                KeyMaterial.pem(previous.getPrivate()), "old"), true);
        String hash = Argon2idHasher.withDefaults().hash("Mos3lle!");
        UUID requestId = UUID.randomUUID();
        assertEquals(hash, keys.holderSecurityHash(event(requestId, SecurityCodeHashSeal.seal(hash, requestId,
                KeyMaterial.publicKey(PUBLIC_KEY), "test"))));
        assertEquals(hash, keys.holderSecurityHash(event(requestId, SecurityCodeHashSeal.seal(hash, requestId,
                previous.getPublic(), "old"))));

        String forged = hash.replace("m=19456", "m=4194304");
        InvalidEventException refused = assertThrows(InvalidEventException.class,
                () -> keys.holderSecurityHash(event(requestId, SecurityCodeHashSeal.seal(forged, requestId,
                        KeyMaterial.publicKey(PUBLIC_KEY), "test"))));
        assertTrue(refused.getMessage().contains("m=4194304"), refused.getMessage());
        assertThrows(InvalidEventException.class, () -> keys.holderSecurityHash(event(requestId,
                SecurityCodeHashSeal.seal(hash, requestId, KeyMaterial.publicKey(PUBLIC_KEY), "unknown"))));
    }
}
