package lu.ccss.guichet.certification.domain;

import java.util.Locale;

/** The employer's correspondence language: the request document and the code letters are written in it. */
public enum Language {
    FR, DE, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Language of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The language, or null after recording that it is not one of fr, de, en. */
    static Language validate(FieldErrors errors, String field, String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        for (Language language : values()) {
            if (language.code().equals(value)) {
                return language;
            }
        }
        errors.add(field, "must be fr, de or en");
        return null;
    }
}
