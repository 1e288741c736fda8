package lu.ccss.guichet.edelivery.rest;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The inbox's query parameters, checked: a bad one is a 400 naming it (not JAX-RS's silent default or 404). */
record InboxQuery(Domain domain, boolean unreadOnly, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static InboxQuery of(String rawDomain, String rawUnread, String rawPage, String rawSize) {
        List<FieldError> errors = new ArrayList<>();
        Domain domain = null;
        if (rawDomain != null && !rawDomain.isBlank()) {
            domain = Domain.parse(rawDomain).orElse(null);
            if (domain == null) {
                errors.add(new FieldError("domain", "must be one of " + Domain.NAMES));
            }
        }
        boolean unread = false;
        if (rawUnread != null && !rawUnread.isBlank()) {
            switch (rawUnread.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> unread = true;
                case "false" -> unread = false;
                default -> errors.add(new FieldError("unread", "must be true or false"));
            }
        }
        int page = number(rawPage, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int size = number(rawSize, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The inbox query is not valid", errors);
        }
        return new InboxQuery(domain, unread, page, size);
    }

    private static int number(String raw, String field, int fallback, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
