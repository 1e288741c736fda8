package lu.ccss.guichet.platform.errors;

import java.util.ArrayList;
import java.util.List;
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
}
