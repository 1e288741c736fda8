package lu.ccss.guichet.space.domain;

import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.validation.Checked;

/**
 * Whom an administrator invites (procedure D): name, e-mail, national identification number, and the role offered.
 * The request's annotations (SpaceRequests.Invite) have checked what was typed; this trims and reads it.
 */
public record InvitationDetails(String name, String email, NationalIdentificationNumber nationalId, MemberRole role) {

    public static final int NAME_MAX = 200;

    public static InvitationDetails of(String rawName, String rawEmail, String rawNationalId, String rawRole) {
        return new InvitationDetails(rawName.strip(), rawEmail.strip(),
                NationalIdentificationNumber.of(rawNationalId, "nationalId"), Checked.constant(MemberRole.class, rawRole));
    }
}
