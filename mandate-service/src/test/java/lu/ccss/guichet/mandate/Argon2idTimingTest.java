package lu.ccss.guichet.mandate;

import lu.ccss.guichet.platform.crypto.Argon2idHasher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures (prints, asserts nothing about time) one Argon2id verification with the parameters every security code
 * is hashed with, so the cost per attempt is known. Run alone: -Dtest=Argon2idTimingTest.
 */
class Argon2idTimingTest {

    @Test
    void printsTheTimeOfOneVerification() {
        Argon2idHasher hasher = Argon2idHasher.withDefaults();
        String hash = hasher.hash("K7Q2-M9XP");
        assertTrue(Argon2idHasher.verify(hash, "K7Q2-M9XP"));
        // A handful: the benchmark measures the ceiling properly (Ceilings); each run is a third of a CPU-second here.
        int runs = 5;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Argon2idHasher.verify(hash, "K7Q2-M9XP");
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("Argon2id verify (m=%d KiB, t=%d, p=%d): %.1f ms per verification (mean of %d, %d cores)%n",
                Argon2idHasher.DEFAULT_MEMORY_KIB, Argon2idHasher.DEFAULT_ITERATIONS,
                Argon2idHasher.DEFAULT_PARALLELISM, ms, runs, Runtime.getRuntime().availableProcessors());
    }
}
