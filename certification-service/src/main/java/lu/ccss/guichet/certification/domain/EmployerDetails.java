package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.platform.validation.PostalAddresses;

/**
 * Step 4: the employer the space is to be certified for, and where its code letters go. The request's annotations
 * (StepRequests.Employer) have checked what was typed; this trims and reads it.
 */
public record EmployerDetails(String registrationNumber, String legalName, PostalAddress address, Language language) {

    public static final int LEGAL_NAME_MAX = 200;

    /** {@code rawAddress} holds the address fields as typed (already checked). */
    public static EmployerDetails of(String registrationNumber, String legalName, PostalAddress rawAddress,
                                     String language) {
        return new EmployerDetails(RegistrationNumber.normalise(registrationNumber.strip()), legalName.strip(),
                PostalAddresses.read(rawAddress), Language.parse(language).orElseThrow());
    }
}
