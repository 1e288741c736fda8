package lu.ccss.guichet.platform.errors;

import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.RegistrationNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects every broken rule of one input, so that a single {@link DomainException} names all offending fields. For
 * the rules a request body's annotations cannot say (they need state, or several fields at once). Messages never
 * repeat what was typed: some fields are secrets.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public int size() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws an {@link DomainException.Kind#INVALID} naming every offending field, if there is any. */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            String detail = what + " is not valid: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            throw DomainException.invalid(detail, List.copyOf(errors));
        }
    }

    /** The registration number without spaces, or null after recording why it is not a valid one. */
    public String registrationNumber(String field, String raw) {
        String digits = RegistrationNumber.normalise(raw);
        if (digits.isEmpty()) {
            add(field, "is required");
            return null;
        }
        Optional<String> problem = RegistrationNumber.problem(digits);
        problem.ifPresent(message -> add(field, message));
        return problem.isPresent() ? null : digits;
    }

    /** The language, or null after recording that it is not one of fr, de, en. */
    public Language language(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            add(field, "is required");
            return null;
        }
        Optional<Language> language = Language.parse(raw);
        if (language.isEmpty()) {
            add(field, "must be " + Language.CODES);
        }
        return language.orElse(null);
    }

    /** The trimmed text, or null after recording why it is not acceptable. */
    public String text(String field, String raw, int max) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            add(field, "is required");
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            add(field, "must not contain control characters");
            return null;
        }
        return value;
    }
}
