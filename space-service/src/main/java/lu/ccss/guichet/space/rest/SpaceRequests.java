package lu.ccss.guichet.space.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the space API. */
public final class SpaceRequests {

    @Schema(name = "CreateSpace")
    public record CreateSpace(
            @Schema(description = "1 to 100 characters after trimming", example = "Boulangerie Muller") String name,
            @Schema(description = "Optional, at most 500 characters") String description) {
    }

    private SpaceRequests() {
    }
}
