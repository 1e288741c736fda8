package lu.ccss.guichet.mailing.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.events.RegistrationNumber;
import lu.ccss.guichet.mailing.service.LetterService;
import lu.ccss.guichet.mailing.service.PrintProviderService;
import lu.ccss.guichet.mailing.service.SealedDownload;
import lu.ccss.guichet.platform.errors.DomainException;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.Checked;
import lu.ccss.guichet.platform.validation.ValidRegistrationNumber;
import lu.ccss.guichet.platform.validation.ValidUuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Letters", description = "Code letters and documents by post, for CCSS operators (never a code); a "
        + "letter as printed, sealed, for the print provider")
public class LetterResource {

    private final LetterService letters;
    private final PrintProviderService provider;
    private final ObjectMapper mapper;
    private final Validator validator;

    public LetterResource(LetterService letters, PrintProviderService provider, ObjectMapper mapper,
                          Validator validator) {
        this.letters = letters;
        this.provider = provider;
        this.mapper = mapper;
        this.validator = validator;
    }

    @GET
    @Operation(summary = "Letters of a request, of a print batch or of an employer, with status and history, never "
            + "codes", description = "Role ccss-operator. Give requestId or batchId (a UUID), or employer (a "
            + "registration number: every letter to that employer — code letters, documents by post, holder notices — "
            + "and to its agents for its requests).")
    @APIResponse(responseCode = "200", description = "The letters, oldest first (possibly none)")
    @APIResponse(responseCode = "400", description = "None of requestId, batchId, employer, or a malformed one "
            + "(field named)")
    @APIResponse(responseCode = "401", description = "No or bad token")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    public List<LetterViews.LetterView> list(
            @Parameter(description = "The certification request (UUID)") @QueryParam("requestId")
            @ValidUuid(optional = true) String requestId,
            @Parameter(description = "The print batch (UUID)") @QueryParam("batchId")
            @ValidUuid(optional = true) String batchId,
            @Parameter(description = "The employer (registration number)") @QueryParam("employer")
            @ValidRegistrationNumber(optional = true) String employer) {
        if (requestId != null && !requestId.isBlank()) {
            return letters.ofRequest(Checked.uuid(requestId)).stream().map(LetterViews.LetterView::of).toList();
        }
        if (batchId != null && !batchId.isBlank()) {
            return letters.ofBatch(Checked.uuid(batchId)).stream().map(LetterViews.LetterView::of).toList();
        }
        if (employer != null && !employer.isBlank()) {
            return letters.ofEmployer(RegistrationNumber.normalise(employer.strip())).stream()
                    .map(LetterViews.LetterView::of).toList();
        }
        throw DomainException.invalidField("requestId", "is required (or batchId, or employer)");
    }

    @GET
    @Path("/{letterId}")
    @Operation(summary = "One letter, with status and history, never its codes", description = "Role ccss-operator.")
    @APIResponse(responseCode = "200", description = "The letter")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such letter")
    public LetterViews.LetterView one(@PathParam("letterId") UUID letterId) {
        return LetterViews.LetterView.of(letters.letter(letterId));
    }

    @GET
    @Path("/{letterId}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The operator's view of the letter (PDF), only until it is posted: codes masked",
            description = "Role ccss-operator. The letter exactly as laid out for printing (address window, pages, "
                    + "text), except that every code is masked (XXXX-XXXX-XXXX). Documents and holder notices carry "
                    + "no code and are shown as printed. The printable PDF with the codes goes only to the print "
                    + "provider (GET /api/letters/{letterId}/printable, GET /api/print-batches/{batchId}/archive).")
    @APIResponse(responseCode = "200", description = "The PDF, codes masked",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such letter")
    @APIResponse(responseCode = "410", description = "The letter was posted (or voided): its PDF is destroyed")
    public Response pdf(@PathParam("letterId") UUID letterId) {
        return Response.ok(letters.pdf(letterId), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + letterId + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{letterId}/printable")
    @RolesAllowed(Roles.PRINT_PROVIDER)
    @Produces(SealedDownload.MEDIA_TYPE)
    @Operation(summary = "One letter of a print batch as printed, codes inside, encrypted for the print provider",
            description = "Role print-provider. To print one letter of a batch again. The PDF is sealed for the "
                    + "provider's public key (format: docs/mailing-service.md, \"Sealed downloads\"; subject "
                    + "letter:<letterId>). Each download is recorded (who, when, which letter) before it is served; "
                    + "operators see the record at GET /api/letters/{letterId}/downloads.")
    @APIResponse(responseCode = "200", description = "The sealed PDF",
            content = @Content(mediaType = SealedDownload.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "403", description = "Not the print provider")
    @APIResponse(responseCode = "404", description = "No such letter")
    @APIResponse(responseCode = "409", description = "The letter is not in a print batch yet")
    @APIResponse(responseCode = "410", description = "The letter was posted (or voided): its PDF is destroyed")
    public Response printable(@PathParam("letterId") UUID letterId) {
        return Response.ok(provider.letter(letterId), SealedDownload.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"letter-" + letterId + ".pdf.sealed\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{letterId}/downloads")
    @Operation(summary = "Who downloaded this letter's printable PDF (codes inside), and when",
            description = "Role ccss-operator. From the append-only audit trail, oldest first; never a code. "
                    + "Downloads of the whole print archive are at GET /api/print-batches/{batchId}/downloads.")
    @APIResponse(responseCode = "200", description = "The downloads (possibly none)")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such letter")
    public List<LetterViews.CodeDownloadView> downloads(@PathParam("letterId") UUID letterId) {
        return provider.downloadsOfLetter(letterId).stream().map(LetterViews.CodeDownloadView::of).toList();
    }

    @POST
    @Path("/{letterId}/posted")
    @Idempotent
    @Operation(summary = "The letter left for the post",
            description = "Role ccss-operator. Only a letter of a print batch (BATCHED) can be posted. Its PDF, and "
                    + "any code in it, is deleted; the record keeps recipient, kind, pages, content hash and history. "
                    + "Publishes LetterPosted.")
    @APIResponse(responseCode = "200", description = "The letter, now POSTED")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such letter")
    @APIResponse(responseCode = "409", description = "Not in a print batch yet, already posted, or void")
    public LetterViews.LetterView posted(@PathParam("letterId") UUID letterId) {
        return LetterViews.LetterView.of(letters.posted(letterId));
    }

    @POST
    @Path("/{letterId}/returned")
    @Idempotent
    @Operation(summary = "The posted letter came back undelivered",
            description = "Role ccss-operator. Body optional: {\"reason\": \"...\"} (one line of at most 500 "
                    + "characters). "
                    + "Publishes LetterReturned.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LetterRequests.LetterReturn.class)))
    @APIResponse(responseCode = "200", description = "The letter, now RETURNED")
    @APIResponse(responseCode = "400", description = "Reason too long or not one line (field named)")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such letter")
    @APIResponse(responseCode = "409", description = "The letter was not posted (or already returned)")
    public LetterViews.LetterView returned(@PathParam("letterId") UUID letterId, byte[] json) throws IOException {
        // The body is optional, with or without a Content-Type: read it here rather than let JAX-RS refuse it, then
        // check it like any other body. Read as bytes, so that bytes that are not UTF-8 are refused by the JSON
        // reader instead of turned into U+FFFD by a text decoder.
        LetterRequests.LetterReturn body = json == null || new String(json, StandardCharsets.UTF_8).isBlank() ? null
                : mapper.readValue(json, LetterRequests.LetterReturn.class);
        if (body != null) {
            Set<ConstraintViolation<LetterRequests.LetterReturn>> violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null
                : body.reason().strip();
        return LetterViews.LetterView.of(letters.returned(letterId, reason));
    }
}
