package lu.ccss.guichet.mailing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.mailing.domain.DocumentSubmission;
import lu.ccss.guichet.mailing.service.DocumentService;
import lu.ccss.guichet.mailing.service.IntakeTimers;
import lu.ccss.guichet.platform.idempotency.Idempotent;
import lu.ccss.guichet.platform.limits.BodyLimit;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/documents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_DOMAIN_SYSTEM)
@Tag(name = "Documents", description = "Documents of other government systems for an employer: eDelivery or post")
public class DocumentResource {

    private final DocumentService documents;
    private final IntakeTimers timers;

    public DocumentResource(DocumentService documents, IntakeTimers timers) {
        this.documents = documents;
        this.timers = timers;
    }

    @POST
    @Idempotent
    @BodyLimit(bytes = (DocumentSubmission.MAX_BYTES + 2) / 3 * 4 + 64 * 1024) // the PDF in base64, and the other fields
    @Operation(summary = "Send a document to an employer's space in a domain",
            description = "Role domain-system. JSON with the PDF in base64 (content). Routing, in this order: "
                    + "(1) eDelivery active for the space, employer and domain: the document goes to that space's "
                    + "eDelivery inbox (DocumentRouted); (2) otherwise, eDelivery active for that employer and domain "
                    + "in another space (the space that holds the mandate now; if several, the one whose eDelivery "
                    + "was switched on most recently): to that space's inbox (inboxSpaceId in the answer); "
                    + "(3) otherwise by post: a letter with a cover page, printed with the next print batch, to the "
                    + "employer's legal name, postal address and language in the CCSS employer register (a ceased "
                    + "employer: its last registered ones). The sender never chooses the address or the language. "
                    + "An employer the register does not know is a 400 on employer, whatever the route, and nothing "
                    + "is stored or sent. Rules: spaceId a UUID; employer 11 or 13 digits and in the register; "
                    + "domain one of the four; title 1-200 characters, one line; content a readable, unprotected PDF "
                    + "of at most 5 MB (bodies above 10 MB are refused with 413 before they are read).")
    @APIResponse(responseCode = "202", description = "Accepted: which way it went")
    @APIResponse(responseCode = "400", description = "Invalid document (fields named), or an employer "
            + "the register does not know (employer named); nothing is stored or sent")
    @APIResponse(responseCode = "401", description = "No or bad token")
    @APIResponse(responseCode = "403", description = "Not a domain system")
    @APIResponse(responseCode = "409", description = "documentId already used for another document")
    public Response send(@NotNull(message = "is required") @Valid LetterRequests.SendDocument body) {
        return timers.request(() -> {
            DocumentSubmission submission = timers.validation(() -> DocumentSubmission.of(body.documentId(),
                    body.spaceId(), body.employer(), body.domain(), body.title(), body.content()));
            // The transaction's time includes its commit: DocumentService.send is @Transactional.
            DocumentService.Outcome outcome = timers.transaction(() -> documents.send(submission));
            return Response.accepted(LetterViews.DocumentView.of(outcome)).build();
        });
    }
}
