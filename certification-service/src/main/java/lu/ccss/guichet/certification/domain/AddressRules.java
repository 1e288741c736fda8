package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.PostalAddress;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postal address the post can deliver a code letter to. The country is an ISO 3166-1 alpha-2 code. A Luxembourg
 * postcode is four digits, typed with or without {@code L-}, and kept as {@code L-1234}; elsewhere a postcode is 2 to
 * 10 letters or digits, single spaces or hyphens allowed between them, kept in upper case.
 */
public final class AddressRules {

    public static final int STREET_MAX = 100;
    public static final int NUMBER_MAX = 16;
    public static final int LOCALITY_MAX = 100;

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern LUXEMBOURG = Pattern.compile("(?:L-?)?([0-9]{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER = Pattern.compile("[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*");

    private AddressRules() {
    }

    /** The checked address, or null after recording what is wrong ({@code prefix} names the address field). */
    public static PostalAddress address(FieldErrors errors, String prefix, String street, String number,
                                        String postcode, String locality, String country) {
        String checkedStreet = errors.text(prefix + ".street", street, STREET_MAX);
        String checkedNumber = errors.text(prefix + ".number", number, NUMBER_MAX);
        String checkedLocality = errors.text(prefix + ".locality", locality, LOCALITY_MAX);
        String checkedCountry = country(errors, prefix + ".country", country);
        String checkedPostcode = postcode(errors, prefix + ".postcode", postcode, checkedCountry);
        if (checkedStreet == null || checkedNumber == null || checkedLocality == null || checkedCountry == null
                || checkedPostcode == null) {
            return null;
        }
        return new PostalAddress(checkedStreet, checkedNumber, checkedPostcode, checkedLocality, checkedCountry);
    }

    static String country(FieldErrors errors, String field, String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if (!COUNTRIES.contains(value)) {
            errors.add(field, "must be an ISO 3166-1 alpha-2 country code, e.g. LU, BE, FR, DE");
            return null;
        }
        return value;
    }

    /** Checks the postcode for {@code country}; with an unknown country only the general rule applies. */
    static String postcode(FieldErrors errors, String field, String raw, String country) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            errors.add(field, "is required");
            return null;
        }
        if ("LU".equals(country)) {
            Matcher luxembourg = LUXEMBOURG.matcher(value);
            if (!luxembourg.matches()) {
                errors.add(field, "must be four digits for Luxembourg, with or without L-, e.g. L-1471");
                return null;
            }
            return "L-" + luxembourg.group(1);
        }
        long alphanumerics = value.chars().filter(Character::isLetterOrDigit).count();
        if (!OTHER.matcher(value).matches() || alphanumerics < 2 || alphanumerics > 10) {
            errors.add(field, "must be 2 to 10 letters or digits (single spaces or hyphens between them)");
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
