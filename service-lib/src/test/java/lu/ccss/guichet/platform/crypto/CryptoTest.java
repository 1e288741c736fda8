package lu.ccss.guichet.platform.crypto;

import lu.ccss.guichet.events.MandateEvents.SealedCodes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CryptoTest {

    @Test
    void argon2idHashesVerifyOnlyTheirSecretAndAreSalted() {
        Argon2idHasher hasher = Argon2idHasher.withDefaults();
        String hash = hasher.hash("Secr3t-42");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("Secr3t-42"));
        assertTrue(Argon2idHasher.verify(hash, "Secr3t-42"));
        assertFalse(Argon2idHasher.verify(hash, "Secr3t-43"));
        assertFalse(Argon2idHasher.verify("not a hash", "Secr3t-42"));
        assertNotEquals(hash, hasher.hash("Secr3t-42"));
    }

    @Test
    void aBurstOfArgon2idVerificationsRunsAtMostAsManyAtOnceAsTheLimitAndAllSucceed() throws Exception {
        String hash = Argon2idHasher.withDefaults().hash("Secr3t-42");
        int burst = Argon2idHasher.MAX_CONCURRENT * 4;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                mostAtOnce.accumulateAndGet(Argon2idHasher.running(), Math::max);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return Argon2idHasher.verify(hash, "Secr3t-42");
                }));
            }
            go.countDown();
            for (Future<Boolean> r : results) {
                assertTrue(r.get(2, TimeUnit.MINUTES));
            }
        } finally {
            done.set(true);
            watcher.join();
            pool.shutdownNow();
        }
        // 19 MiB each: without the limit, the whole burst would hold its memory at once.
        assertTrue(mostAtOnce.get() >= 1 && mostAtOnce.get() <= Argon2idHasher.MAX_CONCURRENT,
                "at most " + Argon2idHasher.MAX_CONCURRENT + " at once, saw " + mostAtOnce.get());
        assertEquals(0, Argon2idHasher.running());
    }

    @Test
    void aSealedBoxOpensOnlyWithItsPrivateKeyAndDetectsTampering() {
        KeyPair mailing = KeyMaterial.generateRsa();
        KeyPair other = KeyMaterial.generateRsa();
        byte[] codes = "[\"ABCD-EFGH-JKLM\"]".getBytes(StandardCharsets.UTF_8);
        SealedCodes box = SealedBox.seal(codes, KeyMaterial.publicKey(KeyMaterial.pem(mailing.getPublic())), "k1");

        assertFalse(new String(Base64.getDecoder().decode(box.ciphertext()), StandardCharsets.ISO_8859_1)
                .contains("ABCD"));
        assertArrayEquals(codes, SealedBox.open(box, KeyMaterial.privateKey(KeyMaterial.pem(mailing.getPrivate()))));
        assertThrows(IllegalStateException.class, () -> SealedBox.open(box, other.getPrivate()));
        byte[] tampered = Base64.getDecoder().decode(box.ciphertext());
        tampered[0] ^= 1;
        SealedCodes altered = new SealedCodes(box.keyId(), box.encryptedKey(), box.iv(),
                Base64.getEncoder().encodeToString(tampered));
        assertThrows(IllegalStateException.class, () -> SealedBox.open(altered, mailing.getPrivate()));
        SealedCodes otherKeyId = new SealedCodes("k2", box.encryptedKey(), box.iv(), box.ciphertext());
        assertThrows(IllegalStateException.class, () -> SealedBox.open(otherKeyId, mailing.getPrivate()));
    }
}
