package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;

/**
 * Step 4: the employer the space is to be certified for, and where its code letters go. The legal name and the
 * address are the employer register's; only the registration number and the correspondence language are chosen.
 */
public record EmployerDetails(String registrationNumber, String legalName, PostalAddress address, Language language) {

    public static EmployerDetails of(RegisteredParty registered, Language language) {
        return new EmployerDetails(registered.registrationNumber(), registered.legalName(), registered.address(),
                language);
    }
}
