package lu.ccss.guichet.mandate.domain;

import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.CodeFormat;
import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.platform.validation.Checked;

/**
 * What a space administrator typed to certify one domain (procedure C): the access code, and the security code —
 * the holder's own (6 to 10 characters, compared exactly as chosen) or the agent security code from the employer's
 * letter. The request's annotations (MandateRequests.Certify) have checked what was typed, before any code is looked
 * up; this reads it: codes of the printed formats lose case, spaces and dashes, the holder's security code is kept
 * exactly.
 */
public record CertificationAttempt(Domain domain, Capacity capacity, String accessCode, String securityCode) {

    public static CertificationAttempt of(String rawDomain, String rawCapacity, String accessCode,
                                          String securityCode) {
        Capacity capacity = Checked.constant(Capacity.class, rawCapacity);
        String security = capacity == Capacity.AGENT ? CodeFormat.normalise(securityCode) : securityCode;
        return new CertificationAttempt(Domain.parse(rawDomain).orElseThrow(), capacity,
                CodeFormat.normalise(accessCode), security);
    }

    /** Never the codes: a record's default text would print them wherever it is logged. */
    @Override
    public String toString() {
        return "CertificationAttempt[domain=" + domain + ", capacity=" + capacity + ", codes hidden]";
    }
}
