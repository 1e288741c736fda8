package lu.ccss.guichet.mandate;

import io.quarkus.test.junit.QuarkusTest;
import lu.ccss.guichet.events.CertificationEvents.SealedSecurityCodeHash;
import lu.ccss.guichet.events.EventTypes;
import lu.ccss.guichet.events.Topics;
import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import lu.ccss.guichet.platform.crypto.KeyMaterial;
import lu.ccss.guichet.platform.crypto.SecurityCodeHashSeal;
import lu.ccss.guichet.testing.TestData;
import lu.ccss.guichet.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static lu.ccss.guichet.testing.TestDatabase.count;
import static lu.ccss.guichet.testing.TestDatabase.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RequestTransmitted carries the holder's security-code hash sealed for this service (security review, finding 2):
 * it opens it with its private key and keeps it to check the code, and sends to the dead-letter topic, changing
 * nothing, a box it cannot open or a hash whose Argon2id parameters are out of bounds.
 */
@QuarkusTest
class SealedHolderSecurityCodeTest {

    private static final String DEAD_LETTER = "guichet.mandate.dead-letter";
    private static final String SALT = "uQqVEC+4FglkJvcrXwY2ZA";
    private static final String HASH = "PVjlC4ReYvNVw3ZUYRI8U4NUuwXakRyTeoKCmFxNCGA";

    @Test
    void theSealedHashIsOpenedAndKeptToCheckTheHoldersCode() {
        UUID requestId = Scenario.transmit(TestData.newRegistrationNumber(), List.of());
        Scenario.awaitCodesIssued(requestId, 1);
        String kept = text("select holder_security_hash from code_request where request_id = '" + requestId + "'");
        assertEquals(Scenario.holderSecurityHash(), kept);
        assertTrue(Argon2idHasher.verify(kept, Scenario.HOLDER_SECURITY_CODE));
    }

    @Test
    void aForgedHashAskingFor4GiBIsRefusedAtOnceToTheDeadLetterTopicAndChangesNothing() {
        UUID requestId = UUID.randomUUID();
        String forged = "$argon2id$v=19$m=4194304,t=2,p=1$" + SALT + "$" + HASH;
        long start = System.nanoTime();
        Scenario.transmit(requestId, UUID.randomUUID().toString(), TestData.newRegistrationNumber(), List.of(),
                Scenario.sealHolderHash(forged, requestId));

        String reason = deadLetterReason(requestId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(reason.contains("memory m=4194304"), reason);
        assertFalse(reason.contains(SALT) || reason.contains(HASH), "the reason never repeats the hash: " + reason);
        // 4 GiB of Argon2id memory would take the heap (or many seconds); the bound refuses it before any of that.
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "refused in " + took);
        assertNothingStored(requestId);
    }

    @Test
    void hashesOutsideTheOtherBoundsAreRefusedToo() {
        for (String forged : List.of("$argon2id$v=19$m=19456,t=1000,p=1$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=64$" + SALT + "$" + HASH,
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + HASH,
                "not a hash at all")) {
            UUID requestId = UUID.randomUUID();
            Scenario.transmit(requestId, UUID.randomUUID().toString(), TestData.newRegistrationNumber(), List.of(),
                    Scenario.sealHolderHash(forged, requestId));
            String reason = deadLetterReason(requestId);
            assertTrue(reason.contains("does not hold an acceptable Argon2id hash"), reason);
            assertNothingStored(requestId);
        }
    }

    @Test
    void aBoxSealedForAnotherKeyOrAnotherRequestIsRefused() {
        String hash = Scenario.holderSecurityHash();

        UUID otherKey = UUID.randomUUID();
        SealedSecurityCodeHash forOtherKey = SecurityCodeHashSeal.seal(hash, otherKey,
                KeyMaterial.throwAwayRsa().getPublic(), "test");
        Scenario.transmit(otherKey, UUID.randomUUID().toString(), TestData.newRegistrationNumber(), List.of(),
                forOtherKey);
        assertTrue(deadLetterReason(otherKey).contains("cannot be opened"));
        assertNothingStored(otherKey);

        UUID moved = UUID.randomUUID();
        Scenario.transmit(moved, UUID.randomUUID().toString(), TestData.newRegistrationNumber(), List.of(),
                Scenario.sealHolderHash(hash, UUID.randomUUID()));
        assertTrue(deadLetterReason(moved).contains("cannot be opened"));
        assertNothingStored(moved);

        UUID unknownKeyId = UUID.randomUUID();
        SealedSecurityCodeHash sealed = Scenario.sealHolderHash(hash, unknownKeyId);
        Scenario.transmit(unknownKeyId, UUID.randomUUID().toString(), TestData.newRegistrationNumber(), List.of(),
                new SealedSecurityCodeHash("retired-2024", sealed.encryptedKey(), sealed.iv(), sealed.ciphertext()));
        assertTrue(deadLetterReason(unknownKeyId).contains("sealed for key 'retired-2024'"));
        assertNothingStored(unknownKeyId);
    }

    private static String deadLetterReason(UUID requestId) {
        ConsumerRecord<String, String> dead = TopicReader.await(DEAD_LETTER, r -> requestId.toString().equals(r.key()),
                1, Scenario.WAIT).get(0);
        assertEquals(EventTypes.REQUEST_TRANSMITTED.type(), TopicReader.header(dead, "ce_type"));
        return TopicReader.header(dead, "dead-letter-reason");
    }

    private static void assertNothingStored(UUID requestId) {
        assertEquals(0, count("select count(*) from code_request where request_id = '" + requestId + "'"));
        assertEquals(0, count("select count(*) from issued_code where request_id = '" + requestId + "'"));
        assertTrue(TopicReader.readAll(Topics.MANDATE).stream().noneMatch(r -> requestId.toString().equals(r.key())),
                "no CodesIssued");
    }
}
