package lu.ccss.guichet.events;

import java.util.Locale;
import java.util.Optional;

/** A correspondence language: the request document, the letters and the documents by post are written in it. */
public enum Language {
    FR, DE, EN;

    /** As an error message lists them. */
    public static final String CODES = "fr, de or en";

    /** The ISO 639-1 code written in events and requests: {@code fr}, {@code de} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language of a code, whatever its case and surrounding spaces; empty if it is none of fr, de, en. */
    public static Optional<Language> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language of a code known to be valid (read from an event or a stored row). */
    public static Language of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Not a language: " + code));
    }
}
