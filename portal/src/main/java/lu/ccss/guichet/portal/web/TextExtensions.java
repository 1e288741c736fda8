package lu.ccss.guichet.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** Template helpers: the word for a code value ({@code t.label('role', r)}), dates in the person's language. */
@TemplateExtension
public class TextExtensions {

    private static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    /** {@code t.label('domain', 'BILLING')} → the text of {@code domain.BILLING}, or the value itself. */
    static String label(Map<String, String> texts, String prefix, Object value) {
        if (value == null) {
            return "";
        }
        return texts.getOrDefault(prefix + "." + value, value.toString());
    }

    /** An instant of the API (ISO-8601) as a date and time in Luxembourg, in the page's language. */
    static String when(Map<String, String> texts, Object value) {
        if (value == null) {
            return "";
        }
        String language = texts.getOrDefault("lang.code", "fr");
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(Locale.forLanguageTag(language)).format(Instant.parse(value.toString())
                            .atZone(LUXEMBOURG));
        } catch (RuntimeException e) {
            try {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(language))
                        .format(LocalDate.parse(value.toString()));
            } catch (RuntimeException again) {
                return value.toString();
            }
        }
    }
}
