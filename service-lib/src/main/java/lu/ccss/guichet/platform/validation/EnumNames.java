package lu.ccss.guichet.platform.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant the way {@link OneOf} accepts it: its name in any case, surrounding spaces ignored. */
public final class EnumNames {

    private EnumNames() {
    }

    public static <E extends Enum<?>> Optional<E> find(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
    }

    /** The constant a value already checked by {@link OneOf} names. */
    public static <E extends Enum<?>> E parse(Class<E> type, String raw) {
        return find(type, raw).orElseThrow(() -> new IllegalArgumentException("Not a " + type.getSimpleName()));
    }
}
