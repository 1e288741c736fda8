package lu.ccss.guichet.space.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the space API. */
public final class SpaceRequests {

    @Schema(name = "CreateSpace")
    public record CreateSpace(
            @Schema(description = "1 to 100 characters after trimming", example = "Boulangerie Muller") String name,
            @Schema(description = "Optional, at most 500 characters") String description) {
    }

    @Schema(name = "Invite")
    public record Invite(
            @Schema(description = "The invitee's name, 1 to 200 characters after trimming", example = "Claire Schmit")
            String name,
            @Schema(description = "The invitee's e-mail address, at most 254 characters", example = "claire@muller.lu")
            String email,
            @Schema(description = "The invitee's Luxembourg national identification number: 13 digits, the 12th a "
                    + "Luhn and the 13th a Verhoeff check digit over the first 11. Used only to recognise the invitee; "
                    + "never stored nor shown in full", example = "1893120105732")
            String nationalId,
            @Schema(description = "The role offered", enumeration = {"ADMINISTRATOR", "MEMBER"}) String role) {
    }

    @Schema(name = "ChangeRole")
    public record ChangeRole(@Schema(description = "The new role", enumeration = {"ADMINISTRATOR", "MEMBER"})
                             String role) {
    }

    @Schema(name = "ReportDomainUse")
    public record ReportDomainUse(
            @Schema(description = "The employer's CCSS registration number, 11 or 13 digits", example = "20231234567")
            String employer,
            @Schema(description = "The domain used", enumeration = {"AFFILIATIONS", "REMUNERATIONS", "EMPLOYER_DATA",
                    "BILLING"}) String domain,
            @Schema(description = "What the space did", enumeration = {"CONSULTATION", "PROCEDURE", "CERTIFICATE"})
            String usageKind) {
    }

    private SpaceRequests() {
    }
}
