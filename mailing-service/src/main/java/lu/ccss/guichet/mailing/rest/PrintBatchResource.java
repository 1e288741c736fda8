package lu.ccss.guichet.mailing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import lu.ccss.guichet.mailing.service.LetterService;
import lu.ccss.guichet.mailing.service.PrintArchive;
import lu.ccss.guichet.mailing.service.PrintBatchService;
import lu.ccss.guichet.mailing.service.PrintProviderService;
import lu.ccss.guichet.mailing.service.SealedDownload;
import lu.ccss.guichet.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/print-batches")
@RolesAllowed(Caller.ROLE_OPERATOR)
@Tag(name = "Print batches", description = "Letters gathered for printing by CCSS operators (codes masked), and "
        + "the sealed archive with the codes for the print provider")
public class PrintBatchResource {

    static final String ZIP = "application/zip";

    private final PrintBatchService batches;
    private final LetterService letters;
    private final PrintArchive archive;
    private final PrintProviderService provider;

    public PrintBatchResource(PrintBatchService batches, LetterService letters, PrintArchive archive,
                              PrintProviderService provider) {
        this.batches = batches;
        this.letters = letters;
        this.archive = archive;
        this.provider = provider;
    }

    @POST
    @Produces(ZIP)
    @Operation(summary = "Gather the generated letters into a print batch and download it",
            description = "Role ccss-operator. Every GENERATED letter (at most guichet.print-batch.max-letters, "
                    + "default 1000, in postal order: country, postcode) becomes BATCHED. The answer is one ZIP: "
                    + "0001-<letterId>.pdf, ... and manifest.csv (file, letter_id, recipient, postcode, country, "
                    + "pages, postage_class), the PDFs being the operator's views (every code masked): to check the "
                    + "batch, not to print it. The print provider downloads the printable archive, encrypted for its "
                    + "key, from GET /api/print-batches/{batchId}/archive. GET the Location to fetch this one again.")
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
                    + "posted nor voided), codes masked.")
    @APIResponse(responseCode = "200", description = "The batch archive",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such batch")
    @APIResponse(responseCode = "410", description = "Every letter of the batch was posted or voided")
    public Response download(@PathParam("batchId") UUID batchId) {
        return zip(Response.ok(), batches.reprint(batchId));
    }

    @GET
    @RolesAllowed({Caller.ROLE_OPERATOR, Roles.PRINT_PROVIDER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The print batches that still have letters to print, newest first",
            description = "Roles ccss-operator and print-provider: where the provider finds what to download.")
    @APIResponse(responseCode = "200", description = "The batches (possibly none)")
    @APIResponse(responseCode = "403", description = "Neither a CCSS operator nor the print provider")
    public List<LetterViews.PrintBatchSummary> waiting() {
        return provider.waitingBatches().stream().map(b -> new LetterViews.PrintBatchSummary(b.batchId(),
                b.createdAt(), b.letterCount(), b.waitingLetters())).toList();
    }

    @GET
    @Path("/{batchId}/archive")
    @RolesAllowed(Roles.PRINT_PROVIDER)
    @Produces(SealedDownload.MEDIA_TYPE)
    @Operation(summary = "The print archive (letters as printed, codes inside), encrypted for the print provider",
            description = "Role print-provider. The same ZIP as the operator's (0001-<letterId>.pdf, ..., "
                    + "manifest.csv) but with the printable PDFs, sealed for the provider's public key (format: "
                    + "docs/mailing-service.md, \"Sealed downloads\"; subject print-batch:<batchId>). Holds the "
                    + "batch's letters still BATCHED. Each download is recorded (who, when, which batch, how many "
                    + "letters) before it is served; operators see the record at "
                    + "GET /api/print-batches/{batchId}/downloads.")
    @APIResponse(responseCode = "200", description = "The sealed archive",
            content = @Content(mediaType = SealedDownload.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "403", description = "Not the print provider")
    @APIResponse(responseCode = "404", description = "No such batch")
    @APIResponse(responseCode = "410", description = "Every letter of the batch was posted or voided")
    public Response sealedArchive(@PathParam("batchId") UUID batchId) {
        PrintBatchService.Batch batch = provider.archive(batchId);
        StreamingOutput body = out -> provider.writeArchive(batch, out);
        return Response.ok(body, SealedDownload.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"print-batch-" + batchId + ".zip.sealed\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{batchId}/downloads")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who downloaded the codes of this batch, and when",
            description = "Role ccss-operator. Every download of the batch's sealed archive and of one of its letters' "
                    + "printable PDFs, from the append-only audit trail, oldest first; never a code.")
    @APIResponse(responseCode = "200", description = "The downloads (possibly none)")
    @APIResponse(responseCode = "403", description = "Not a CCSS operator")
    @APIResponse(responseCode = "404", description = "No such batch")
    public List<LetterViews.CodeDownloadView> downloads(@PathParam("batchId") UUID batchId) {
        return provider.downloadsOfBatch(batchId).stream().map(LetterViews.CodeDownloadView::of).toList();
    }

    private Response zip(Response.ResponseBuilder response, PrintBatchService.Batch batch) {
        // The operator's archive: the letters as an operator sees them (codes masked), never the printable PDFs.
        StreamingOutput body = out -> archive.write(batch.items(), letters::operatorPdf, out);
        return response.entity(body).type(ZIP)
                .header("Content-Disposition", "attachment; filename=\"print-batch-" + batch.batch().id + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
