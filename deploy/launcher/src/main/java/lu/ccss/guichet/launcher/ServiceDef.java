package lu.ccss.guichet.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the platform's services: its Maven module, its database and its HTTP port in a local run.
 *
 * @param name        the module's directory and artifact id, also the log file's name
 * @param database    the PostgreSQL database it owns
 * @param defaultPort its fixed HTTP port in a local run
 */
public record ServiceDef(String name, String database, int defaultPort) {

    public static final List<ServiceDef> ALL = List.of(
            new ServiceDef("space-service", "space", 8081),
            new ServiceDef("certification-service", "certification", 8082),
            new ServiceDef("mandate-service", "mandate", 8083),
            new ServiceDef("mailing-service", "mailing", 8084),
            new ServiceDef("edelivery-service", "edelivery", 8085));

    /**
     * The reference portal (server-rendered web front end): started next to the services, no database of its own, one
     * instance whatever {@code --replicas} says.
     */
    public static final ServiceDef PORTAL = new ServiceDef("portal", null, 8080);

    /** The service called {@code name}. */
    public static ServiceDef named(String name) {
        if (PORTAL.name().equals(name)) {
            return PORTAL;
        }
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + "; the services are "
                        + String.join(", ", ALL.stream().map(ServiceDef::name).toList())));
    }

    /** The runnable jar that {@code ./mvnw package} produces. */
    public Path jar(Path repoDir) {
        return repoDir.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The environment variable other services may read to call this one, e.g. {@code SPACE_SERVICE_URL}. */
    public String urlVariable() {
        return name.toUpperCase().replace('-', '_') + "_URL";
    }
}
