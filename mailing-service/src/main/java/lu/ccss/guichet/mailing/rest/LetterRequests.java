package lu.ccss.guichet.mailing.rest;

import lu.ccss.guichet.events.PostalAddress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request bodies of the mailing API. */
public final class LetterRequests {

    @Schema(name = "LetterReturn")
    public record LetterReturn(
            @Schema(description = "Optional: why it came back, as the post says; at most 500 characters",
                    example = "Destinataire inconnu à l'adresse indiquée") String reason) {
    }

    @Schema(name = "SendDocument", description = "A PDF for an employer, base64 inside JSON")
    public record SendDocument(
            @Schema(description = "Optional id chosen by the sender: sending the same id and PDF again is answered "
                    + "like the first time and sends nothing twice") UUID documentId,
            @Schema(description = "Required: the employer's professional space") UUID spaceId,
            @Schema(description = "Required: CCSS registration number, 11 or 13 digits", example = "20231234567")
            String employer,
            @Schema(description = "Required: AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING") String domain,
            @Schema(description = "Required: 1 to 200 characters, one line; printed on the cover page and shown in "
                    + "the inbox") String title,
            @Schema(description = "Optional: fr, de or en for the cover page; default the employer's language from "
                    + "its code letter, else fr") String language,
            @Schema(description = "Optional: where the letter goes if it goes by post; default the employer's "
                    + "address from its latest code letter. Required when the mailing-service knows no address for "
                    + "the employer and eDelivery is not active") Recipient recipient,
            @Schema(description = "Required: the PDF, standard base64; at most 5 MB decoded, starting with %PDF-, "
                    + "readable and not password-protected") String content) {
    }

    @Schema(name = "Recipient")
    public record Recipient(@Schema(description = "Name printed on the letter, at most 255 characters") String name,
                            PostalAddress address) {
    }

    private LetterRequests() {
    }
}
