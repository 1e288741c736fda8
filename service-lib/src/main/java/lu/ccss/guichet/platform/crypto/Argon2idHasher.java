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
import java.util.function.Supplier;
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
 *
 * <p>A hash to verify may come from another service (the holder's, in RequestTransmitted), so its parameters are
 * bounded before anything is allocated: at most {@link #MAX_MEMORY_KIB} KiB (64 MiB), {@link #MAX_ITERATIONS}
 * passes, {@link #MAX_PARALLELISM} lanes, a salt of 8 to 64 bytes and a hash of 16 to 64 bytes in unpadded base64.
 * A string outside these bounds is an invalid hash ({@link #problem} says why): {@link #verify} answers false at
 * once, without computing anything.
 */
public final class Argon2idHasher {

    /** Computations allowed to run at once in this JVM. */
    public static final int MAX_CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    /** The most memory a hash may ask for: 64 MiB, a little over three times the default. */
    public static final int MAX_MEMORY_KIB = 64 * 1024;
    public static final int MAX_ITERATIONS = 10;
    public static final int MAX_PARALLELISM = 4;
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_HASH_BYTES = 64;

    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Semaphore TURNS = new Semaphore(MAX_CONCURRENT, true);
    private static final ThreadLocal<Boolean> HOLDS_TURN = ThreadLocal.withInitial(() -> false);

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idHasher(int memoryKib, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id parameters out of bounds: m=" + memoryKib + ",t=" + iterations
                    + ",p=" + parallelism + " (at most m=" + MAX_MEMORY_KIB + ",t=" + MAX_ITERATIONS + ",p="
                    + MAX_PARALLELISM + ")");
        }
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

    /**
     * Whether {@code secret} matches the PHC string (constant-time comparison); false, at once and without computing
     * anything, for a malformed string or one whose parameters are out of bounds (see {@link #problem}).
     */
    public static boolean verify(String phc, CharSequence secret) {
        Parsed parsed = parse(phc);
        if (parsed.problem() != null) {
            return false;
        }
        byte[] actual = derive(secret, parsed.salt(), parsed.memoryKib(), parsed.iterations(), parsed.parallelism(),
                parsed.hash().length);
        return MessageDigest.isEqual(parsed.hash(), actual);
    }

    /** Whether {@code phc} is an Argon2id PHC string this class would verify: well formed, parameters in bounds. */
    public static boolean isAcceptable(String phc) {
        return problem(phc) == null;
    }

    /**
     * Why {@code phc} is not an acceptable Argon2id hash (malformed, or memory, passes, lanes, salt or hash length
     * out of bounds), in words that never repeat the string; null when it is acceptable.
     */
    public static String problem(String phc) {
        return parse(phc).problem();
    }

    private record Parsed(String problem, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Parsed invalid(String problem) {
            return new Parsed(problem, 0, 0, 0, null, null);
        }
    }

    private static Parsed parse(String phc) {
        if (phc == null || phc.length() > 512) {
            return Parsed.invalid(phc == null ? "no hash" : "not an Argon2id PHC string (too long)");
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return Parsed.invalid("not an Argon2id (v=19) PHC string");
        }
        int memoryKib = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return Parsed.invalid("parallelism p=" + parallelism + " out of bounds (1 to " + MAX_PARALLELISM + ")");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return Parsed.invalid("iterations t=" + iterations + " out of bounds (1 to " + MAX_ITERATIONS + ")");
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            return Parsed.invalid("memory m=" + memoryKib + " KiB out of bounds (" + 8 * parallelism + " to "
                    + MAX_MEMORY_KIB + ")");
        }
        byte[] salt = decode(m.group(4));
        if (salt == null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            return Parsed.invalid("salt is not " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes of base64");
        }
        byte[] hash = decode(m.group(5));
        if (hash == null || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            return Parsed.invalid("hash is not " + MIN_HASH_BYTES + " to " + MAX_HASH_BYTES + " bytes of base64");
        }
        return new Parsed(null, memoryKib, iterations, parallelism, salt, hash);
    }

    /** Unpadded standard base64 (PHC); null when it is not. */
    private static byte[] decode(String base64) {
        if (base64.length() % 4 == 1) {
            return null;
        }
        try {
            return B64D.decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
            return inTurn(() -> {
                generator.generateBytes(password, out);
                return out;
            });
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }

    /**
     * Runs {@code work} holding one of the {@link #MAX_CONCURRENT} turns; the Argon2id computations inside it do not
     * wait again. A caller that hashes inside a database transaction takes its turn before the transaction starts:
     * requests queue for a turn without holding a pooled connection (and a row lock) meanwhile, so a burst of
     * certifications cannot empty the connection pool for everyone else.
     */
    public static <T> T inTurn(Supplier<T> work) {
        if (HOLDS_TURN.get()) {
            return work.get();
        }
        try {
            TURNS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to compute an Argon2id hash", e);
        }
        HOLDS_TURN.set(true);
        try {
            return work.get();
        } finally {
            HOLDS_TURN.set(false);
            TURNS.release();
        }
    }

    /** How many computations are running now (at most {@link #MAX_CONCURRENT}). */
    static int running() {
        return MAX_CONCURRENT - TURNS.availablePermits();
    }
}
