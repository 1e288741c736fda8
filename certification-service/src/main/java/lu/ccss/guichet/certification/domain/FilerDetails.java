package lu.ccss.guichet.certification.domain;

import lu.ccss.guichet.platform.validation.ValidPhone;

/**
 * Step 3: the person filling in the request (déposant): names of 1 to {@link #NAME_MAX} characters, e-mail, phone in
 * international form. The request's annotations (StepRequests.Filer) have checked what was typed; this trims it and
 * keeps the phone number without spaces.
 */
public record FilerDetails(String lastName, String firstName, String email, String phone) {

    public static final int NAME_MAX = 100;

    public static FilerDetails of(String lastName, String firstName, String email, String phone) {
        return new FilerDetails(lastName.strip(), firstName.strip(), email.strip(),
                ValidPhone.Validator.normalise(phone));
    }
}
