package lu.ccss.guichet.platform.idempotency;

import lu.ccss.guichet.platform.problem.InvalidParameterException;

import java.util.List;
import java.util.Optional;

/** Reads the {@code Idempotency-Key} header: none, or one value of 1 to 255 printable ASCII characters. */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;
    static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters, sent once";

    private IdempotencyKeys() {
    }

    /** The key of a request, or empty when it sent none; a malformed key is a 400 naming the header. */
    static Optional<String> read(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String key = values.get(0);
        if (values.size() > 1 || !wellFormed(key)) {
            throw new InvalidParameterException(Idempotent.KEY_HEADER, RULE);
        }
        return Optional.of(key);
    }

    static boolean wellFormed(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
