package lu.ccss.guichet.mandate.rest;

import lu.ccss.guichet.events.Capacity;
import lu.ccss.guichet.events.Domain;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the mandate API. Their text never shows the codes they carry. */
public final class MandateRequests {

    @Schema(name = "Certify", description = "Procedure C, one domain at a time")
    public record Certify(
            @Schema(description = "The domain to certify", required = true) Domain domain,
            @Schema(description = "HOLDER: main mandate, with a holder access code and the holder's security code "
                    + "(chosen in step 6 of the request); AGENT: obtained mandate, with an agent access code and the "
                    + "agent security code the employer handed over", required = true) Capacity capacity,
            @Schema(description = "The access code of that domain as printed: 12 characters (2-9, A-Z without I, L, "
                    + "O, and *); case, spaces and dashes do not matter", example = "ABCD-EFGH-JK2M", required = true)
            String accessCode,
            @Schema(description = "HOLDER: the holder's security code, 6 to 10 characters, exactly as chosen; "
                    + "AGENT: the agent security code, 8 characters as printed (case, spaces, dashes do not matter)",
                    required = true) String securityCode) {

        @Override
        public String toString() {
            return "Certify[domain=" + domain + ", capacity=" + capacity + ", codes hidden]";
        }
    }

    @Schema(name = "Revoke")
    public record Revoke(
            @Schema(description = "A holder revocation code as printed: 12 characters; its domain is implied",
                    required = true) String revocationCode) {

        @Override
        public String toString() {
            return "Revoke[code hidden]";
        }
    }

    @Schema(name = "Reissue")
    public record Reissue(
            @Schema(description = "Why the codes are reissued (kept in the audit trail), at most 300 characters")
            String reason) {
    }

    private MandateRequests() {
    }
}
