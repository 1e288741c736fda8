package lu.ccss.guichet.platform.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import lu.ccss.guichet.platform.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints of the test application that only echo what they read, to test the shared input handling. */
@Path("/api/probe")
public class ProbeResource {

    public record Note(String name, String text, List<String> tags, UUID ref, Instant at, Integer count,
                       Boolean flag) {
    }

    public record Ref(UUID ref) {
    }

    private final Caller caller;

    public ProbeResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Path("/notes")
    public Note echo(Note note) {
        return note;
    }

    @POST
    @Path("/refs")
    public Ref echo(Ref ref) {
        return ref;
    }

    @GET
    @Path("/notes/{id}")
    public Map<String, Object> read(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                    @QueryParam("after") Long after) {
        return Map.of("id", id, "limit", limit == null ? 0 : limit, "after", after == null ? 0 : after);
    }

    @GET
    @Path("/names/{name}")
    public Map<String, String> name(@PathParam("name") String name, @QueryParam("q") String q) {
        return Map.of("name", name, "q", q == null ? "" : q);
    }

    /** Fails as a query does while PostgreSQL restarts. */
    @GET
    @Path("/database-away")
    public Map<String, String> databaseAway() {
        throw new jakarta.persistence.PersistenceException("connection lost",
                new java.sql.SQLException("Connection to localhost:5432 refused.", "08001"));
    }

    @GET
    @Path("/me")
    public Map<String, String> me() {
        return Map.of("userId", caller.userId(), "displayName", caller.displayName().orElse(""));
    }
}
