package lu.ccss.guichet.registerimport;

import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegisterEvents.EmployerRegistered;
import lu.ccss.guichet.events.RegisterEvents.PartyKind;
import lu.ccss.guichet.events.RegistrationNumber;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV export of the CCSS employer register: UTF-8, separated by semicolons, one entry per line after the header
 * {@link #HEADER}. Every line is checked; a bad line is reported with its line number and what is wrong with it.
 */
public final class RegisterCsv {

    public static final List<String> HEADER = List.of("registrationNumber", "kind", "legalName", "street", "number",
            "postcode", "locality", "country", "language");

    private static final int NAME_MAX = 255;
    private static final int ADDRESS_PART_MAX = 255;

    /** A good line, as the event it becomes. */
    public record Entry(long line, EmployerRegistered event) {
    }

    /** A bad line and every reason it is bad. */
    public record BadLine(long line, List<String> reasons) {
        @Override
        public String toString() {
            return "line " + line + ": " + String.join("; ", reasons);
        }
    }

    public record Parsed(List<Entry> entries, List<BadLine> badLines) {
    }

    private RegisterCsv() {
    }

    /** Reads the whole export; throws only when the file itself is not the register's export (wrong header). */
    public static Parsed parse(Reader csv, Instant registeredAt) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IllegalArgumentException("The first line must be the header " + String.join(";", HEADER)
                        + ", found " + String.join(";", parser.getHeaderNames()));
            }
            List<Entry> entries = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                List<String> reasons = new ArrayList<>();
                EmployerRegistered event = read(record, registeredAt, reasons);
                Long earlier = event == null ? null : seen.putIfAbsent(event.registrationNumber(), line);
                if (earlier != null) {
                    reasons.add("registrationNumber is already on line " + earlier);
                }
                if (reasons.isEmpty()) {
                    entries.add(new Entry(line, event));
                } else {
                    bad.add(new BadLine(line, reasons));
                }
            }
            return new Parsed(entries, bad);
        }
    }

    private static EmployerRegistered read(CSVRecord record, Instant at, List<String> reasons) {
        if (record.size() != HEADER.size()) {
            reasons.add("has " + record.size() + " fields, expected " + HEADER.size());
            return null;
        }
        String number = RegistrationNumber.normalise(record.get("registrationNumber"));
        if (number.isEmpty()) {
            reasons.add("registrationNumber is required");
        } else {
            RegistrationNumber.problem(number).ifPresent(p -> reasons.add("registrationNumber " + p));
        }
        PartyKind kind = Arrays.stream(PartyKind.values())
                .filter(k -> k.name().equals(record.get("kind").toUpperCase(Locale.ROOT))).findFirst().orElse(null);
        if (kind == null) {
            reasons.add("kind must be EMPLOYER or PROFESSIONAL_AGENT");
        }
        String name = text(record, "legalName", NAME_MAX, reasons);
        PostalAddress address = new PostalAddress(text(record, "street", ADDRESS_PART_MAX, reasons),
                text(record, "number", 32, reasons), text(record, "postcode", 16, reasons),
                text(record, "locality", ADDRESS_PART_MAX, reasons), record.get("country").toUpperCase(Locale.ROOT));
        if (!address.country().matches("[A-Z]{2}")) {
            reasons.add("country must be an ISO 3166-1 alpha-2 code, e.g. LU");
        }
        Language language = Language.parse(record.get("language")).orElse(null);
        if (language == null) {
            reasons.add("language must be " + Language.CODES);
        }
        return reasons.isEmpty() ? new EmployerRegistered(number, kind, name, address, language.code(), at) : null;
    }

    private static String text(CSVRecord record, String column, int max, List<String> reasons) {
        String value = record.get(column);
        if (value.isEmpty()) {
            reasons.add(column + " is required");
        } else if (value.codePointCount(0, value.length()) > max) {
            reasons.add(column + " must be at most " + max + " characters");
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            reasons.add(column + " must not contain control characters");
        }
        return value;
    }
}
