package lu.ccss.guichet.platform.idempotency;

/**
 * A request that carried an {@code Idempotency-Key}: who sent it (the token's {@code sub}), to which operation, with
 * which key, and what it asked for ({@code content}: its path, query and body, which only the HMAC ever sees).
 */
record IdempotentRequest(String caller, String operation, String key, byte[] content) {

    /** The advisory lock that serialises the requests carrying this key. */
    String lockName() {
        // A key, a subject and an operation hold no control character: a line feed separates them unambiguously.
        return caller + "\n" + operation + "\n" + key;
    }
}
