package lu.ccss.guichet.events;

/**
 * The security code the holder chooses at step 6 of the request and types again to certify each domain: 6 to 10
 * characters, compared exactly as chosen. Only its Argon2id hash is kept.
 */
public final class SecurityCode {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 10;

    private SecurityCode() {
    }

    public static boolean hasValidLength(String code) {
        return code != null && code.length() >= MIN_LENGTH && code.length() <= MAX_LENGTH;
    }
}
