package lu.ccss.guichet.space.domain;

/**
 * A space's name and optional description, trimmed. The request's annotations (SpaceRequests.CreateSpace) have
 * checked them: 1 to {@link Space#NAME_MAX} characters, at most {@link Space#DESCRIPTION_MAX}.
 */
public record SpaceDetails(String name, String description) {

    public static SpaceDetails of(String rawName, String rawDescription) {
        String description = rawDescription == null || rawDescription.isBlank() ? null : rawDescription.strip();
        return new SpaceDetails(rawName.strip(), description);
    }
}
