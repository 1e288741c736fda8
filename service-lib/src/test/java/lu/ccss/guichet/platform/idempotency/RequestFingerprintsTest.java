package lu.ccss.guichet.platform.idempotency;

import io.quarkus.runtime.LaunchMode;
import lu.ccss.guichet.platform.idempotency.RequestFingerprints.Fingerprint;
import lu.ccss.guichet.platform.keys.KeyRing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request is remembered by a keyed hash only: guessing its codes needs the key, and the key can rotate. */
class RequestFingerprintsTest {

    private static final byte[] REQUEST = "{\"accessCode\":\"ABCD-EFGH-JK2M\",\"securityCode\":\"Mos3lle!\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static RequestFingerprints under(String setting) {
        return new RequestFingerprints(KeyRing.read(RequestFingerprints.VARIABLE, Optional.of(setting), 32, 64,
                LaunchMode.NORMAL));
    }

    @Test
    void theFingerprintIsKeyedNotAPlainHash() throws Exception {
        Fingerprint one = under("1:" + key(1)).of(REQUEST);
        Fingerprint other = under("1:" + key(2)).of(REQUEST);

        assertNotEquals(one.hmac(), other.hmac(), "another key, another fingerprint");
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(REQUEST));
        assertNotEquals(plain, one.hmac());
        assertFalse(one.hmac().contains("ABCD"));
    }

    @Test
    void onlyTheSameRequestMatches() {
        RequestFingerprints fingerprints = under(key(1));
        Fingerprint stored = fingerprints.of(REQUEST);

        assertTrue(fingerprints.matches(stored, REQUEST));
        assertFalse(fingerprints.matches(stored, "{\"accessCode\":\"ABCD-EFGH-JK2N\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void afterARotationTheOlderKeyStillMatchesWhatItMade() {
        Fingerprint before = under("1:" + key(1)).of(REQUEST);
        RequestFingerprints rotated = under("2:" + key(2) + ",1:" + key(1));

        assertEquals("1", before.keyId());
        assertEquals("2", rotated.of(REQUEST).keyId(), "new fingerprints use the current key");
        assertTrue(rotated.matches(before, REQUEST));
    }
}
