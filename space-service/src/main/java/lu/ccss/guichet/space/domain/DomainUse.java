package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.Domain;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.validation.Checked;

/**
 * One use of a domain by a space for an employer, as reported by the domain's system. The request's annotations
 * (SpaceRequests.ReportDomainUse) have checked what was sent; this reads it.
 */
public record DomainUse(String employer, Domain domain, UsageKind usageKind) {

    public static DomainUse of(String rawEmployer, String rawDomain, String rawUsageKind) {
        return new DomainUse(RegistrationNumber.normalise(rawEmployer.strip()), Domain.parse(rawDomain).orElseThrow(),
                Checked.constant(UsageKind.class, rawUsageKind));
    }
}
