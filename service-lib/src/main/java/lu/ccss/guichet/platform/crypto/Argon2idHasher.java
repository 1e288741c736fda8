package lu.ccss.guichet.platform.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory-hard salted hashes of security codes (Argon2id, RFC 9106, Bouncy Castle), in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. The defaults are OWASP's first recommended setting
 * (19 MiB, 2 passes, 1 lane), 16-byte random salt, 32-byte hash. The parameters travel inside the string, so a hash
 * made with other parameters still verifies.
 *
 * <p>Each computation holds its whole memory (19 MiB by default) until it ends, and with one lane it keeps one core
 * busy. Running more of them at once than there are cores only adds memory, not throughput: fifty concurrent
 * certification attempts would need about 1 GB of heap and end in OutOfMemoryError. So at most
 * {@link #MAX_CONCURRENT} computations run at once in a JVM (the number of cores, at least 2); the others wait for a
 * turn, in arrival order. A burst of attempts queues instead of exhausting the heap.
 */
public final class Argon2idHasher {

    /** Computations allowed to run at once in this JVM. */
    public static final int MAX_CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Semaphore TURNS = new Semaphore(MAX_CONCURRENT, true);

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static Argon2idHasher withDefaults() {
        return new Argon2idHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A fresh salted hash of {@code secret}. */
    public String hash(CharSequence secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(secret, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code secret} matches the PHC string (constant-time comparison); false for a malformed string. */
    public static boolean verify(String phc, CharSequence secret) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(secret, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(CharSequence secret, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] password = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        byte[] out = new byte[length];
        try {
            TURNS.acquire();
        } catch (InterruptedException e) {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to compute an Argon2id hash", e);
        }
        try {
            generator.generateBytes(password, out);
            return out;
        } finally {
            TURNS.release();
            Arrays.fill(password, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }

    /** How many computations are running now (at most {@link #MAX_CONCURRENT}). */
    static int running() {
        return MAX_CONCURRENT - TURNS.availablePermits();
    }
}
