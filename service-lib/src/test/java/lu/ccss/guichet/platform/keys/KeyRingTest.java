package lu.ccss.guichet.platform.keys;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    private static String base64(int length, int fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void inProductionAMissingKeyStopsTheServiceAndNamesItsVariable() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> KeyRing.read("EDELIVERY_DOCUMENTS_KEY", missing, 32, 32, LaunchMode.NORMAL));
            assertTrue(e.getMessage().contains("EDELIVERY_DOCUMENTS_KEY"), e.getMessage());
        }
    }

    @Test
    void inDevelopmentAndTestsAMissingKeyIsGeneratedForTheProcess() {
        KeyRing ring = KeyRing.read("NATIONAL_ID_HMAC_KEY", Optional.empty(), 32, 64, LaunchMode.TEST);
        assertEquals("generated", ring.currentId());
        assertEquals(32, ring.current().length);
        KeyRing dev = KeyRing.read("NATIONAL_ID_HMAC_KEY", Optional.empty(), 32, 64, LaunchMode.DEVELOPMENT);
        assertEquals(1, dev.all().size());
    }

    @Test
    void aBareKeyHasTheDefaultIdAndTheFirstOfSeveralIsCurrent() {
        KeyRing single = KeyRing.read("K", Optional.of(base64(32, 1)), 32, 32, LaunchMode.NORMAL);
        assertEquals(KeyRing.DEFAULT_ID, single.currentId());

        KeyRing rotated = KeyRing.read("K", Optional.of("2026-12:" + base64(32, 2) + ", 1:" + base64(32, 1)), 32, 32,
                LaunchMode.NORMAL);
        assertEquals("2026-12", rotated.currentId());
        assertArrayEquals(base64(32, 1).getBytes(), Base64.getEncoder().encode(rotated.key("1")));
        assertEquals(2, rotated.all().size());
        assertArrayEquals(rotated.current(), rotated.all().get(0), "the current key is tried first");
    }

    @Test
    void badSettingsAreRefusedWithoutShowingTheKey() {
        String tooShort = base64(16, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyRing.read("K", Optional.of(tooShort), 32, 32, LaunchMode.NORMAL));
        assertTrue(!e.getMessage().contains(tooShort) && e.getMessage().contains("32 bytes"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> KeyRing.read("K", Optional.of("a:" + base64(32, 1) + ",a:" + base64(32, 2)), 32, 32,
                        LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class,
                () -> KeyRing.read("K", Optional.of("bad id:" + base64(32, 1)), 32, 32, LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class,
                () -> KeyRing.read("K", Optional.of("not base64!"), 32, 32, LaunchMode.NORMAL));
        KeyRing ring = KeyRing.read("K", Optional.of(base64(32, 1)), 32, 32, LaunchMode.NORMAL);
        IllegalStateException removed = assertThrows(IllegalStateException.class, () -> ring.key("old"));
        assertTrue(removed.getMessage().contains("K"), removed.getMessage());
    }
}
