package lu.ccss.guichet.platform.validation;

import lu.ccss.guichet.events.PostalAddress;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a postal address the post can deliver a letter to, and how a checked one is kept. The country is an
 * ISO 3166-1 alpha-2 code ({@link ValidCountry}). A Luxembourg postcode is four digits, typed with or without
 * {@code L-}, and kept as {@code L-1234}; elsewhere (or with an unknown country) a postcode is 2 to 10 letters or
 * digits, single spaces or hyphens allowed between them, kept in upper case ({@link ValidPostcode}).
 */
public final class PostalAddresses {

    public static final int STREET_MAX = 100;
    public static final int NUMBER_MAX = 16;
    public static final int LOCALITY_MAX = 100;
    /**
     * The longest postcode text matched against a pattern: 10 letters or digits and 9 separators. Anything longer
     * is refused before any regular expression sees it (a regex over a 10 MB body would cost time, and Java's
     * repeated groups recurse: a long enough input overflows the stack).
     */
    public static final int POSTCODE_INPUT_MAX = 19;

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern LUXEMBOURG = Pattern.compile("(?:L-?)?([0-9]{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER = Pattern.compile("[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*");

    private PostalAddresses() {
    }

    /** The country code as kept: trimmed, upper case (empty when absent). */
    public static String country(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isCountry(String raw) {
        return COUNTRIES.contains(country(raw));
    }

    /** What is wrong with the postcode in that country, if anything; never quotes it. */
    public static Optional<String> postcodeProblem(String rawPostcode, String rawCountry) {
        String value = rawPostcode == null ? "" : rawPostcode.strip();
        if (value.isEmpty()) {
            return Optional.of("is required");
        }
        if (value.length() > POSTCODE_INPUT_MAX) {
            return Optional.of("LU".equals(country(rawCountry))
                    ? "must be four digits for Luxembourg, with or without L-, e.g. L-1471"
                    : "must be 2 to 10 letters or digits (single spaces or hyphens between them)");
        }
        if ("LU".equals(country(rawCountry))) {
            return LUXEMBOURG.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be four digits for Luxembourg, with or without L-, e.g. L-1471");
        }
        long alphanumerics = value.chars().filter(Character::isLetterOrDigit).count();
        return OTHER.matcher(value).matches() && alphanumerics >= 2 && alphanumerics <= 10 ? Optional.empty()
                : Optional.of("must be 2 to 10 letters or digits (single spaces or hyphens between them)");
    }

    /** A postcode already checked for that country, as kept: {@code L-1234} in Luxembourg, else upper case. */
    public static String postcode(String rawPostcode, String rawCountry) {
        String value = rawPostcode.strip();
        Matcher luxembourg = LUXEMBOURG.matcher(value);
        if ("LU".equals(country(rawCountry)) && luxembourg.matches()) {
            return "L-" + luxembourg.group(1);
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** An address whose fields were checked, as kept: trimmed, country and postcode normalised. */
    public static PostalAddress read(PostalAddress raw) {
        return new PostalAddress(raw.street().strip(), raw.number().strip(), postcode(raw.postcode(), raw.country()),
                raw.locality().strip(), country(raw.country()));
    }
}
