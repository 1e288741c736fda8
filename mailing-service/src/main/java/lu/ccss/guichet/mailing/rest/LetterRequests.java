package lu.ccss.guichet.mailing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import lu.ccss.guichet.mailing.domain.DocumentSubmission;
import lu.ccss.guichet.mailing.domain.LetterStatusChange;
import lu.ccss.guichet.platform.validation.Text;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Request bodies of the mailing API; their annotations are the rules of what may be sent. The checks that need the
 * decoded PDF (size, readability) are the domain's (DocumentSubmission).
 */
public final class LetterRequests {

    @Schema(name = "LetterReturn")
    public record LetterReturn(
            @Schema(description = "Optional: why it came back, as the post says; one line of at most 500 characters",
                    example = "Destinataire inconnu à l'adresse indiquée")
            @Text(max = LetterStatusChange.NOTE_MAX, optional = true) String reason) {
    }

    @Schema(name = "SendDocument", description = "A PDF for an employer, base64 inside JSON. There is no address nor "
            + "language: by post, a document goes to the employer's legal name, address and language in the CCSS "
            + "employer register (the recipient and language fields of earlier versions are gone; if still sent, "
            + "they are ignored like any unknown field)")
    public record SendDocument(
            @Schema(description = "Optional id chosen by the sender: sending the same id and PDF again is answered "
                    + "like the first time and sends nothing twice") UUID documentId,
            @Schema(description = "Required: the employer's professional space")
            @NotNull(message = "is required") UUID spaceId,
            @Schema(description = "Required: CCSS registration number, 11 or 13 digits", required = true,
                    example = "20231234567")
            @ValidRegistrationNumber String employer,
            @Schema(description = "Required: AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING", required = true)
            @ValidDomain String domain,
            @Schema(description = "Required: 1 to 200 characters, one line; printed on the cover page and shown in "
                    + "the inbox", required = true) @Text(max = DocumentSubmission.TITLE_MAX) String title,
            @Schema(description = "Required: the PDF, standard base64; at most 5 MB decoded, starting with %PDF-, "
                    + "readable and not password-protected")
            @NotBlank(message = "is required: the PDF, base64-encoded") String content) {
    }

    private LetterRequests() {
    }
}
