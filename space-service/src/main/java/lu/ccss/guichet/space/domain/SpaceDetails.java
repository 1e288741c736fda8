package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.ArrayList;
import java.util.List;

/** A space's name (1–100 characters after trimming) and optional description (at most 500). */
public record SpaceDetails(String name, String description) {

    /** Trims and checks what a person typed; every broken rule is named in one 400. */
    public static SpaceDetails of(String rawName, String rawDescription) {
        String name = rawName == null ? "" : rawName.strip();
        String description = rawDescription == null || rawDescription.isBlank() ? null : rawDescription.strip();
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > Space.NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + Space.NAME_MAX + " characters"));
        }
        if (description != null && description.length() > Space.DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "must be at most " + Space.DESCRIPTION_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The space details are not valid", errors);
        }
        return new SpaceDetails(name, description);
    }
}
