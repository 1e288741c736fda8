package lu.ccss.guichet.platform.crypto;

import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.events.MandateEvents.SealedCodes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CryptoTest {

    /** Two key pairs for the whole class: generating one takes seconds (the prime search). */
    private static final KeyPair RECIPIENT = KeyMaterial.throwAwayRsa();
    private static final KeyPair OTHER = KeyMaterial.throwAwayRsa();

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
    void workHoldingATurnComputesInsideItWithoutWaitingForASecondTurn() throws Exception {
        String hash = Argon2idHasher.withDefaults().hash("Secr3t-42");
        int holders = Argon2idHasher.MAX_CONCURRENT;
        ExecutorService pool = Executors.newFixedThreadPool(holders);
        try {
            CountDownLatch allHoldATurn = new CountDownLatch(holders);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < holders; i++) {
                results.add(pool.submit(() -> Argon2idHasher.inTurn(() -> {
                    allHoldATurn.countDown();
                    try {
                        allHoldATurn.await(); // every turn is taken: a verification that waited for one never ends
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Argon2idHasher.verify(hash, "Secr3t-42");
                })));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
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
        KeyPair mailing = RECIPIENT;
        KeyPair other = OTHER;
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

    private static final String SALT = "uQqVEC+4FglkJvcrXwY2ZA";
    private static final String HASH = "PVjlC4ReYvNVw3ZUYRI8U4NUuwXakRyTeoKCmFxNCGA";

    @Test
    void anArgon2idHashAskingForGigabytesIsRefusedAtOnceWithoutComputingAnything() {
        // 4 GiB, 10 000 passes, 64 lanes: computing any of these would exhaust the heap or a core for minutes.
        List<String> forged = List.of(
                "$argon2id$v=19$m=4194304,t=2,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=65537,t=2,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=11,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=999,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=5$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=64$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=0,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=0$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=7,t=2,p=1$" + SALT + "$" + HASH);
        assertTimeoutPreemptively(java.time.Duration.ofMillis(500), () -> {
            for (String phc : forged) {
                assertFalse(Argon2idHasher.verify(phc, "Secr3t-42"), phc);
                assertFalse(Argon2idHasher.isAcceptable(phc), phc);
                assertNotNull(Argon2idHasher.problem(phc), phc);
            }
        });
        assertTrue(Argon2idHasher.problem(forged.get(0)).contains("memory m=4194304"));
        assertTrue(Argon2idHasher.problem(forged.get(2)).contains("iterations"));
        assertTrue(Argon2idHasher.problem(forged.get(4)).contains("parallelism"));
        assertEquals(0, Argon2idHasher.running());
    }

    @Test
    void malformedSaltsAndHashesAreInvalidHashes() {
        List<String> malformed = List.of(
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + HASH,                 // 4-byte salt
                "$argon2id$v=19$m=19456,t=2,p=1$" + "QUFB".repeat(22) + "$" + HASH, // 66-byte salt
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$QUFBQUFB",          // 6-byte hash
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$" + "QUFB".repeat(22), // 66-byte hash
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT.substring(1) + "$" + HASH, // base64 of impossible length
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$" + HASH.substring(2),
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "=$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT,
                "$argon2i$v=19$m=19456,t=2,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=16$m=19456,t=2,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$" + HASH + "A".repeat(600),
                "",
                "K7P4XM2Q");
        for (String phc : malformed) {
            assertFalse(Argon2idHasher.verify(phc, "Secr3t-42"), phc);
            assertNotNull(Argon2idHasher.problem(phc), phc);
        }
        assertFalse(Argon2idHasher.verify(null, "Secr3t-42"));
        assertNotNull(Argon2idHasher.problem(null));
    }

    @Test
    void hashesMadeHereAreWithinTheBoundsAndHashersOutsideThemCannotBeMade() {
        String hash = Argon2idHasher.withDefaults().hash("Secr3t-42");
        assertNull(Argon2idHasher.problem(hash));
        String atTheBounds = new Argon2idHasher(Argon2idHasher.MAX_MEMORY_KIB, 1, Argon2idHasher.MAX_PARALLELISM)
                .hash("Secr3t-42");
        assertTrue(Argon2idHasher.verify(atTheBounds, "Secr3t-42"));
        assertThrows(IllegalArgumentException.class,
                () -> new Argon2idHasher(Argon2idHasher.MAX_MEMORY_KIB + 1, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Argon2idHasher(19456, Argon2idHasher.MAX_ITERATIONS + 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Argon2idHasher(19456, 2, Argon2idHasher.MAX_PARALLELISM + 1));
    }

    @Test
    void aSealedSecurityCodeHashOpensOnlyWithTheMandateKeyAndForItsRequest() {
        KeyPair mandate = RECIPIENT;
        KeyPair other = OTHER;
        String hash = Argon2idHasher.withDefaults().hash("Secr3t-42");
        UUID requestId = UUID.randomUUID();
        SealedSecurityCodeHash sealed = SecurityCodeHashSeal.seal(hash, requestId, mandate.getPublic(), "m1");

        assertEquals("m1", sealed.keyId());
        for (String part : List.of(sealed.encryptedKey(), sealed.iv(), sealed.ciphertext())) {
            assertFalse(part.contains("argon2"));
            assertFalse(new String(Base64.getDecoder().decode(part), StandardCharsets.ISO_8859_1).contains("argon2"));
        }
        assertEquals(hash, SecurityCodeHashSeal.open(sealed, requestId, mandate.getPrivate()));
        assertThrows(IllegalStateException.class,
                () -> SecurityCodeHashSeal.open(sealed, requestId, other.getPrivate()));
        assertThrows(IllegalStateException.class,
                () -> SecurityCodeHashSeal.open(sealed, UUID.randomUUID(), mandate.getPrivate()));
        assertThrows(IllegalStateException.class, () -> SecurityCodeHashSeal.open(
                new SealedSecurityCodeHash("m2", sealed.encryptedKey(), sealed.iv(), sealed.ciphertext()), requestId,
                mandate.getPrivate()));
        assertThrows(IllegalStateException.class, () -> SecurityCodeHashSeal.open(
                new SealedSecurityCodeHash("m1", sealed.encryptedKey(), sealed.iv(), "not base64!"), requestId,
                mandate.getPrivate()));
        assertThrows(IllegalStateException.class, () -> SecurityCodeHashSeal.open(
                new SealedSecurityCodeHash("m1", null, sealed.iv(), sealed.ciphertext()), requestId,
                mandate.getPrivate()));
    }
}
