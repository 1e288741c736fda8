package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.errors.FieldError;
import lu.ccss.guichet.platform.errors.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whom an administrator invites (procedure D): name, e-mail, national identification number, and the role offered. */
public record InvitationDetails(String name, String email, NationalIdentificationNumber nationalId, MemberRole role) {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Trims and checks what an administrator typed; every broken rule is named in one 400. */
    public static InvitationDetails of(String rawName, String rawEmail, String rawNationalId, String rawRole) {
        String name = rawName == null ? "" : rawName.strip();
        String email = rawEmail == null ? "" : rawEmail.strip();
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        }
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + EMAIL_MAX + " characters"));
        }
        NationalIdentificationNumber nationalId = null;
        try {
            nationalId = NationalIdentificationNumber.of(rawNationalId, "nationalId");
        } catch (DomainException e) {
            errors.addAll(e.errors());
        }
        MemberRole role = null;
        if (rawRole == null || rawRole.isBlank()) {
            errors.add(new FieldError("role", "is required: ADMINISTRATOR or MEMBER"));
        } else {
            try {
                role = MemberRole.valueOf(rawRole.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("role", "must be ADMINISTRATOR or MEMBER"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("The invitation is not valid", errors);
        }
        return new InvitationDetails(name, email, nationalId, role);
    }
}
