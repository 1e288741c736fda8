package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
import lu.ccss.guichet.events.Language;
import lu.ccss.guichet.events.PostalAddress;

/** Step 4: the employer the space is to be certified for, and where its code letters go. */
public record EmployerDetails(String registrationNumber, String legalName, PostalAddress address, Language language) {

    public static final int LEGAL_NAME_MAX = 200;

    /** Checks what was typed; {@code rawAddress} holds the fields as typed, or is null when absent. */
    public static EmployerDetails of(String registrationNumber, String legalName, PostalAddress rawAddress,
                                     String language) {
        FieldErrors errors = new FieldErrors();
        String number = errors.registrationNumber("registrationNumber", registrationNumber);
        String name = errors.text("legalName", legalName, LEGAL_NAME_MAX);
        PostalAddress address = rawAddress == null ? missing(errors, "address")
                : AddressRules.address(errors, "address", rawAddress.street(), rawAddress.number(),
                rawAddress.postcode(), rawAddress.locality(), rawAddress.country());
        Language checkedLanguage = errors.language("language", language);
        errors.throwIfAny("The employer step");
        return new EmployerDetails(number, name, address, checkedLanguage);
    }

    static <T> T missing(FieldErrors errors, String field) {
        errors.add(field, "is required");
        return null;
    }
}
