package lu.ccss.guichet.platform.validation;

import java.util.UUID;

/** Reads text parameters already checked by {@link ValidUuid} or {@link WholeNumber}. */
public final class Checked {

    private Checked() {
    }

    /** The UUID a value checked by {@link ValidUuid} names, or null if it is absent. */
    public static UUID uuid(String raw) {
        return raw == null || raw.isBlank() ? null : UUID.fromString(raw.strip());
    }

    /** The number a value checked by {@link WholeNumber} names, or {@code fallback} if it is absent. */
    public static long wholeNumber(String raw, long fallback) {
        return raw == null || raw.isBlank() ? fallback : Long.parseLong(raw.strip());
    }
}
