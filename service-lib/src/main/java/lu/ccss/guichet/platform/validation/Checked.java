package lu.ccss.guichet.platform.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reads values a constraint already checked ({@link ValidUuid}, {@link WholeNumber}, {@link OneOf}). */
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

    /** The constant a value checked by {@link OneOf} names (any case, spaces around ignored), or null if absent. */
    public static <E extends Enum<?>> E constant(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return findConstant(type, raw).orElseThrow(() -> new IllegalArgumentException("Not a " + type.getSimpleName()));
    }

    /** The constant {@code raw} names, in any case, spaces around ignored; empty if it names none. */
    public static <E extends Enum<?>> Optional<E> findConstant(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
    }
}
