package lu.ccss.guichet.space.rest;

import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.platform.validation.OneOf;
import lu.ccss.guichet.platform.validation.Text;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.ValidEmail;
import lu.ccss.guichet.platform.validation.ValidNationalId;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import lu.ccss.guichet.space.domain.InvitationDetails;
import lu.ccss.guichet.space.domain.Space;
import lu.ccss.guichet.space.domain.UsageKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the space API. */
public final class SpaceRequests {

    @Schema(name = "CreateSpace")
    public record CreateSpace(
            @Schema(description = "1 to 100 characters after trimming", required = true, example = "Boulangerie Muller")
            @Text(max = Space.NAME_MAX) String name,
            @Schema(description = "Optional, at most 500 characters")
            @Text(max = Space.DESCRIPTION_MAX, optional = true) String description) {
    }

    @Schema(name = "Invite")
    public record Invite(
            @Schema(description = "The invitee's name, 1 to 200 characters after trimming", required = true,
                    example = "Claire Schmit")
            @Text(max = InvitationDetails.NAME_MAX) String name,
            @Schema(description = "The invitee's e-mail address, at most 254 characters", required = true,
                    example = "claire@muller.lu")
            @ValidEmail String email,
            @Schema(description = "The invitee's Luxembourg national identification number: 13 digits, the 12th a "
                    + "Luhn and the 13th a Verhoeff check digit over the first 11. Used only to recognise the invitee; "
                    + "never stored nor shown in full", required = true, example = "1893120105732")
            @ValidNationalId String nationalId,
            @Schema(description = "The role offered", required = true, enumeration = {"ADMINISTRATOR", "MEMBER"})
            @OneOf(MemberRole.class) String role) {
    }

    @Schema(name = "ChangeRole")
    public record ChangeRole(@Schema(description = "The new role", required = true,
                                     enumeration = {"ADMINISTRATOR", "MEMBER"})
                             @OneOf(MemberRole.class) String role) {
    }

    @Schema(name = "ReportDomainUse")
    public record ReportDomainUse(
            @Schema(description = "The employer's CCSS registration number, 11 or 13 digits", required = true,
                    example = "20231234567")
            @ValidRegistrationNumber String employer,
            @Schema(description = "The domain used", required = true, enumeration = {"AFFILIATIONS", "REMUNERATIONS",
                    "EMPLOYER_DATA", "BILLING"}) @ValidDomain String domain,
            @Schema(description = "What the space did", required = true,
                    enumeration = {"CONSULTATION", "PROCEDURE", "CERTIFICATE"})
            @OneOf(UsageKind.class) String usageKind) {
    }

    private SpaceRequests() {
    }
}
