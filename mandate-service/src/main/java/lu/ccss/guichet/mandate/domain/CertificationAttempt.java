package lu.ccss.guichet.mandate.domain;

import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.SecurityCode;
import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a space administrator typed to certify one domain (procedure C), read and checked before any code is looked
 * up: the access code, and the security code — the holder's own (6 to 10 characters, compared exactly as chosen) or
 * the agent security code from the employer's letter. Every broken rule is named in one 400, which is not an attempt.
 */
public record CertificationAttempt(Domain domain, Capacity capacity, String accessCode, String securityCode) {

    public static CertificationAttempt of(Domain domain, Capacity capacity, String accessCode, String securityCode) {
        List<FieldError> errors = new ArrayList<>();
        if (domain == null) {
            errors.add(new FieldError("domain", "is required: one of " + Domain.NAMES));
        }
        if (capacity == null) {
            errors.add(new FieldError("capacity", "is required: HOLDER (main mandate) or AGENT (obtained mandate)"));
        }
        CodeFormat.ACCESS.problemWith(accessCode).ifPresent(p -> errors.add(new FieldError("accessCode", p)));
        if (capacity == Capacity.AGENT) {
            CodeFormat.AGENT_SECURITY.problemWith(securityCode)
                    .ifPresent(p -> errors.add(new FieldError("securityCode", p)));
        } else if (securityCode == null || securityCode.isEmpty()) {
            errors.add(new FieldError("securityCode", "is required"));
        } else if (capacity == Capacity.HOLDER && (securityCode.length() < SecurityCode.MIN_LENGTH
                || securityCode.length() > SecurityCode.MAX_LENGTH)) {
            errors.add(new FieldError("securityCode", "the holder's security code has " + SecurityCode.MIN_LENGTH
                    + " to " + SecurityCode.MAX_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        String security = capacity == Capacity.AGENT ? CodeFormat.normalise(securityCode) : securityCode;
        return new CertificationAttempt(domain, capacity, CodeFormat.normalise(accessCode), security);
    }

    /** Never the codes: a record's default text would print them wherever it is logged. */
    @Override
    public String toString() {
        return "CertificationAttempt[domain=" + domain + ", capacity=" + capacity + ", codes hidden]";
    }
}
