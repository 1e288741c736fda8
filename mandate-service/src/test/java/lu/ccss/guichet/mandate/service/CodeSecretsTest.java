package lu.ccss.guichet.mandate.service;

import lu.ccss.guichet.events.MandateEvents.SealedCodes;
import lu.ccss.guichet.mandate.config.CodesConfig;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SealedBox;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeSecretsTest {

    private static final String PUBLIC_KEY = "src/test/resources/keys/codes-test-public.pem";
    private static final String HMAC_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void inProductionRefusesToStartWithoutTheHmacKeyOrThePublicKey() {
        IllegalStateException noHmac = assertThrows(IllegalStateException.class,
                () -> new CodeSecrets(config(PUBLIC_KEY, null), true));
        assertTrue(noHmac.getMessage().contains("CODES_HMAC_KEY"), noHmac.getMessage());
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> new CodeSecrets(config(null, HMAC_KEY), true));
        assertTrue(noKey.getMessage().contains("CODES_PUBLIC_KEY"), noKey.getMessage());
    }

    @Test
    void refusesAnHmacKeyShorterThan32BytesEvenInDev() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CodeSecrets(config(PUBLIC_KEY, short31), false));
        assertTrue(e.getMessage().contains("32"));
        assertThrows(IllegalStateException.class, () -> new CodeSecrets(config(PUBLIC_KEY, "not base64!"), false));
    }

    @Test
    void inDevGeneratesThrowAwayKeys() {
        CodeSecrets dev = new CodeSecrets(config(null, null), false);
        assertEquals(64, dev.lookupHash("ABCDEFGHJKMN").length());
    }

    @Test
    void keyedHashesDependOnTheKeyAndSealedCodesOpenOnlyWithTheMailingKey() {
        CodeSecrets secrets = new CodeSecrets(config(PUBLIC_KEY, HMAC_KEY), true);
        CodeSecrets otherKey = new CodeSecrets(config(PUBLIC_KEY,
                Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes())), true);
        assertEquals(secrets.lookupHash("ABCDEFGHJKMN"), secrets.lookupHash("ABCDEFGHJKMN"));
        assertNotEquals(secrets.lookupHash("ABCDEFGHJKMN"), otherKey.lookupHash("ABCDEFGHJKMN"));

        byte[] json = "{\"codes\":[]}".getBytes(StandardCharsets.UTF_8);
        SealedCodes sealed = secrets.seal(json);
        assertEquals("test", sealed.keyId());
        assertArrayEquals(json, SealedBox.open(sealed,
                KeyMaterial.privateKey("src/test/resources/keys/codes-test-private.pem")));
        assertThrows(IllegalStateException.class,
                () -> SealedBox.open(sealed, KeyMaterial.throwAwayRsa().getPrivate()));
    }

    @Test
    void aMissingSecurityHashNeverVerifies() {
        CodeSecrets secrets = new CodeSecrets(config(PUBLIC_KEY, HMAC_KEY), true);
        String hash = secrets.hashSecurityCode("K7Q2M9XP");
        assertTrue(secrets.verify(hash, "K7Q2M9XP"));
        assertFalse(secrets.verify(hash, "K7Q2M9XQ"));
        assertFalse(secrets.verify(null, "K7Q2M9XP"));
    }

    private static CodesConfig config(String publicKey, String hmacKey) {
        return new CodesConfig() {
            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }

            @Override
            public String keyId() {
                return "test";
            }

            @Override
            public Optional<String> hmacKey() {
                return Optional.ofNullable(hmacKey);
            }

            @Override
            public Duration validity() {
                return Duration.ofDays(90);
            }

            @Override
            public int maxFailuresPerCode() {
                return 5;
            }

            @Override
            public RateLimit rateLimit() {
                return null;
            }
        };
    }
}
