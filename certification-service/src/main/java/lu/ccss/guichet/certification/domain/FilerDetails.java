package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.errors.FieldErrors;
/** Step 3: the person filling in the request (déposant). Names 1–100 characters; e-mail; phone in international form. */
public record FilerDetails(String lastName, String firstName, String email, String phone) {

    public static final int NAME_MAX = 100;

    public static FilerDetails of(String lastName, String firstName, String email, String phone) {
        FieldErrors errors = new FieldErrors();
        FilerDetails filer = new FilerDetails(
                errors.text("lastName", lastName, NAME_MAX),
                errors.text("firstName", firstName, NAME_MAX),
                ContactRules.email(errors, "email", email),
                ContactRules.phone(errors, "phone", phone));
        errors.throwIfAny("The filer step");
        return filer;
    }
}
