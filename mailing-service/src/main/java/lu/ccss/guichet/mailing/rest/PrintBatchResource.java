package lu.ccss.guichet.mailing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.mailing.service.LetterService;
import lu.ccss.guichet.mailing.service.PrintArchive;
import lu.ccss.guichet.mailing.service.PrintBatchService;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/print-batches")
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Print batches", description = "Letters gathered for printing, for CCSS operators")
public class PrintBatchResource {

    static final String ZIP = "application/zip";

    private final PrintBatchService batches;
    private final LetterService letters;
    private final PrintArchive archive;

    public PrintBatchResource(PrintBatchService batches, LetterService letters, PrintArchive archive) {
        this.batches = batches;
        this.letters = letters;
        this.archive = archive;
    }

    @POST
    @Produces(ZIP)
    @Operation(summary = "Gather the generated letters into a print batch and download it",
            description = "Role ccss-operator. Every GENERATED letter (at most guichet.print-batch.max-letters, "
                    + "default 1000, in postal order: country, postcode) becomes BATCHED. The answer is one ZIP: "
                    + "0001-<letterId>.pdf, ... and manifest.csv (file, letter_id, recipient, postcode, country, "
                    + "pages, postage_class). If the download fails, GET the Location to fetch it again.")
    @APIResponse(responseCode = "201", description = "The batch archive; Location names the batch",
            headers = @Header(name = "Location", description = "/api/print-batches/{batchId}"),
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "No or bad token")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "409", description = "No letter is waiting to be printed")
    public Response create(UriInfo uri) {
        PrintBatchService.Batch batch = batches.create();
        return zip(Response.created(uri.getAbsolutePathBuilder().path(batch.batch().id.toString()).build()), batch);
    }

    @GET
    @Path("/{batchId}")
    @Produces(ZIP)
    @Operation(summary = "Download a print batch again",
            description = "Role ccss-operator. The archive holds the batch's letters that are still BATCHED (not yet "
                    + "posted nor voided).")
    @APIResponse(responseCode = "200", description = "The batch archive",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such batch")
    @APIResponse(responseCode = "410", description = "Every letter of the batch was posted or voided")
    public Response download(@PathParam("batchId") UUID batchId) {
        return zip(Response.ok(), batches.reprint(batchId));
    }

    private Response zip(Response.ResponseBuilder response, PrintBatchService.Batch batch) {
        StreamingOutput body = out -> archive.write(batch.items(), letters::printablePdf, out);
        return response.entity(body).type(ZIP)
                .header("Content-Disposition", "attachment; filename=\"print-batch-" + batch.batch().id + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
