package lu.ccss.guichet.mailing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import lu.ccss.guichet.events.PostalAddress;
import lu.ccss.guichet.mailing.domain.DocumentSubmission;
import lu.ccss.guichet.mailing.domain.LetterStatusChange;
import lu.ccss.guichet.platform.validation.Text;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.ValidLanguage;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Request bodies of the mailing API; their annotations are the rules of what may be sent. The checks that need the
 * decoded PDF (size, readability) are the domain's (DocumentSubmission).
 */
public final class LetterRequests {

    static final int NAME_MAX = 255;
    static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-2 code, e.g. LU";

    @Schema(name = "LetterReturn")
    public record LetterReturn(
            @Schema(description = "Optional: why it came back, as the post says; one line of at most 500 characters",
                    example = "Destinataire inconnu à l'adresse indiquée")
            @Text(max = LetterStatusChange.NOTE_MAX, optional = true) String reason) {
    }

    @Schema(name = "SendDocument", description = "A PDF for an employer, base64 inside JSON")
    public record SendDocument(
            @Schema(description = "Optional id chosen by the sender: sending the same id and PDF again is answered "
                    + "like the first time and sends nothing twice") UUID documentId,
            @Schema(description = "Required: the employer's professional space")
            @NotNull(message = "is required") UUID spaceId,
            @Schema(description = "Required: CCSS registration number, 11 or 13 digits", example = "20231234567")
            @ValidRegistrationNumber String employer,
            @Schema(description = "Required: AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING")
            @ValidDomain String domain,
            @Schema(description = "Required: 1 to 200 characters, one line; printed on the cover page and shown in "
                    + "the inbox") @Text(max = DocumentSubmission.TITLE_MAX) String title,
            @Schema(description = "Optional: fr, de or en for the cover page; default the employer's language from "
                    + "its code letter, else fr") @ValidLanguage(optional = true) String language,
            @Schema(description = "Optional: where the letter goes if it goes by post; default the employer's "
                    + "address from its latest code letter. Required when the mailing-service knows no address for "
                    + "the employer and eDelivery is not active") @Valid Recipient recipient,
            @Schema(description = "Required: the PDF, standard base64; at most 5 MB decoded, starting with %PDF-, "
                    + "readable and not password-protected")
            @NotBlank(message = "is required: the PDF, base64-encoded") String content) {
    }

    @Schema(name = "Recipient", description = "Both the name and the address are required")
    public record Recipient(
            @Schema(description = "Name printed on the letter, one line of at most 255 characters")
            @Text(max = NAME_MAX) String name,
            @NotNull(message = "is required") @Valid Address address) {

        PostalAddress postalAddress() {
            return new PostalAddress(address.street().strip(), address.number().strip(), address.postcode().strip(),
                    address.locality().strip(), address.country());
        }
    }

    @Schema(name = "RecipientAddress", description = "A postal address as printed on the letter; each line is one "
            + "line of text")
    public record Address(
            @Schema(description = "At most 255 characters") @Text(max = 255) String street,
            @Schema(description = "House number, at most 32 characters") @Text(max = 32) String number,
            @Schema(description = "At most 16 characters", example = "L-1471") @Text(max = 16) String postcode,
            @Schema(description = "At most 255 characters") @Text(max = 255) String locality,
            @Schema(description = "ISO 3166-1 alpha-2 code, upper case", example = "LU")
            @NotNull(message = COUNTRY_RULE) @Pattern(regexp = "[A-Z]{2}", message = COUNTRY_RULE) String country) {
    }

    private LetterRequests() {
    }
}
