package lu.ccss.guichet.edelivery.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lu.ccss.guichet.edelivery.service.ActivationService;
import lu.ccss.guichet.edelivery.service.InboxService;
import lu.ccss.guichet.platform.security.Caller;
import lu.ccss.guichet.platform.validation.ValidDomain;
import lu.ccss.guichet.platform.validation.WholeNumber;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/spaces/{spaceId}/edelivery")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ROLE_USER)
@Tag(name = "eDelivery", description = "Automatic eDelivery and the space's inbox")
public class EDeliveryResource {

    private final ActivationService activations;
    private final InboxService inbox;

    public EDeliveryResource(ActivationService activations, InboxService inbox) {
        this.activations = activations;
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "eDelivery per employer and domain (space members)", description = "For each employer and "
            + "domain the space is certified for or receives documents of: whether eDelivery is on and since when. "
            + "It is switched on by the space's first use of the domain (consultation, procedure, certificate). It "
            + "stops when the space no longer holds any mandate for the employer and domain (active false, stoppedAt "
            + "and stopReason set), and stays stopped: the space then no longer sees that employer's documents of "
            + "that domain.")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public List<EDeliveryViews.StatusView> status(@PathParam("spaceId") UUID spaceId) {
        return activations.statusOf(spaceId).stream().map(EDeliveryViews.StatusView::of).toList();
    }

    @GET
    @Path("/documents")
    @Operation(summary = "The inbox, newest first (space members)", description = "Paged; read and readAt are the "
            + "caller's own reading.")
    @APIResponse(responseCode = "400", description = "A bad domain, unread, page or size (the parameter is named)")
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces")
    public EDeliveryViews.PageView documents(
            @PathParam("spaceId") UUID spaceId,
            @Parameter(description = "Only this domain: AFFILIATIONS, REMUNERATIONS, EMPLOYER_DATA or BILLING")
            @QueryParam("domain") @ValidDomain(optional = true) String domain,
            @Parameter(description = "true: only the documents the caller has not downloaded yet (default false)")
            @QueryParam("unread") @Pattern(regexp = InboxQuery.BOOLEAN, message = "must be true or false")
            String unread,
            @Parameter(description = "Page number from 0 (default 0)") @QueryParam("page")
            @WholeNumber(min = 0, max = InboxQuery.MAX_PAGE) String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size")
            @WholeNumber(min = 1, max = InboxQuery.MAX_SIZE) String size) {
        InboxQuery query = InboxQuery.of(domain, unread, page, size);
        return EDeliveryViews.PageView.of(inbox.list(spaceId, query.domain(), query.unreadOnly(), query.page(),
                query.size()));
    }

    @GET
    @Path("/documents/{documentId}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a document (space members)", description = "The PDF, as an attachment. The first "
            + "download by a person records the reading and publishes DocumentRead (once per person and document).")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such space among the caller's spaces, or no such document "
            + "in its inbox")
    public Response download(@PathParam("spaceId") UUID spaceId, @PathParam("documentId") UUID documentId) {
        InboxService.Download download = inbox.download(spaceId, documentId);
        return Response.ok(download.content(), download.document().contentType)
                .header("Content-Disposition", contentDisposition(download.document().title))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(download.document().sha256)) + ":")
                .build();
    }

    /** The title as file name: reduced to safe ASCII, and in full as RFC 8187 UTF-8 for clients that take it. */
    static String contentDisposition(String title) {
        String ascii = title.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        ascii = ascii.isEmpty() ? "document" : ascii.substring(0, Math.min(ascii.length(), 100));
        String utf8 = java.net.URLEncoder.encode(title.strip() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + ".pdf\"; filename*=UTF-8''" + utf8;
    }
}
