package lu.ccss.guichet.platform.idempotency;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** Creating endpoints of the test application, with and without {@link Idempotent}. */
@Path("/api/idempotency-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdempotencyProbeResource {

    /** {@code secret} stands for a code: it is part of the request, never of the answer. */
    public record NewNote(String aggregate, String text, String secret) {
    }

    public record NoteView(UUID id, String aggregate, String text) {
    }

    private final ProbeNotes notes;

    public IdempotencyProbeResource(ProbeNotes notes) {
        this.notes = notes;
    }

    @POST
    @Path("/notes")
    @Idempotent
    public Response add(NewNote body, UriInfo uri) {
        UUID id = notes.add(body.aggregate(), body.text());
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(new NoteView(id, body.aggregate(), body.text())).build();
    }

    /** Answers a view rather than a Response; the aggregate comes from the path. */
    @POST
    @Path("/aggregates/{aggregate}/notes")
    @Idempotent
    public NoteView addTo(@PathParam("aggregate") String aggregate, NewNote body) {
        return new NoteView(notes.add(aggregate, body.text()), aggregate, body.text());
    }

    @POST
    @Path("/slow-notes")
    @Idempotent
    public NoteView addSlowly(NewNote body) throws InterruptedException {
        return new NoteView(notes.addSlowly(body.aggregate(), body.text()), body.aggregate(), body.text());
    }

    @POST
    @Path("/refused-notes")
    @Idempotent
    public NoteView addThenRefuse(NewNote body) {
        return new NoteView(notes.addThenRefuse(body.aggregate(), body.text()), body.aggregate(), body.text());
    }

    @POST
    @Path("/kept-refused-notes")
    @Idempotent
    public NoteView addThenRefuseKeepingIt(NewNote body) {
        return new NoteView(notes.addThenRefuseKeepingIt(body.aggregate(), body.text()), body.aggregate(),
                body.text());
    }

    /** Writes, then answers what cannot be stored (a stream): as if the key row could not be written. */
    @POST
    @Path("/unstorable-notes")
    @Idempotent
    public Response addUnstorably(NewNote body) {
        notes.add(body.aggregate(), body.text());
        StreamingOutput stream = out -> out.write(new byte[] {1, 2, 3});
        return Response.ok(stream, MediaType.APPLICATION_OCTET_STREAM).build();
    }

    @POST
    @Path("/plain-notes")
    public NoteView addWithoutKey(NewNote body) {
        return new NoteView(notes.add(body.aggregate(), body.text()), body.aggregate(), body.text());
    }
}
