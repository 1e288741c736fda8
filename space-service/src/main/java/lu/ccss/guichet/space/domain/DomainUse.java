package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One use of a domain by a space for an employer, as reported by the domain's system. */
public record DomainUse(String employer, Domain domain, UsageKind usageKind) {

    public static DomainUse of(String rawEmployer, String rawDomain, String rawUsageKind) {
        List<FieldError> errors = new ArrayList<>();
        String employer = RegistrationNumber.normalise(rawEmployer == null ? null : rawEmployer.strip());
        if (employer.isEmpty()) {
            errors.add(new FieldError("employer", "is required"));
        } else {
            RegistrationNumber.problem(employer).ifPresent(problem ->
                    errors.add(new FieldError("employer", "must be a CCSS registration number: " + problem)));
        }
        Domain domain = parse(Domain.class, rawDomain, "domain", errors);
        UsageKind kind = parse(UsageKind.class, rawUsageKind, "usageKind", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The domain use is not valid", errors);
        }
        return new DomainUse(employer, domain, kind);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, List<FieldError> errors) {
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required: one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + allowed));
            return null;
        }
    }
}
