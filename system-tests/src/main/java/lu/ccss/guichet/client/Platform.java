package lu.ccss.guichet.client;

import lu.ccss.guichet.launcher.LauncherConfig;
import lu.ccss.guichet.launcher.ServiceDef;

import java.net.URI;

/**
 * Where the platform answers: Keycloak's token endpoint and the five services' base URLs.
 *
 * @param tokenEndpoint realm {@code guichet}'s OpenID Connect token endpoint
 */
public record Platform(URI tokenEndpoint, URI space, URI certification, URI mandate, URI mailing, URI edelivery) {

    /** The stack a {@link LauncherConfig} describes (started by LocalStack, or already running on its ports). */
    public static Platform of(LauncherConfig config) {
        return new Platform(URI.create(config.tokenEndpoint()), service(config, "space-service"),
                service(config, "certification-service"), service(config, "mandate-service"),
                service(config, "mailing-service"), service(config, "edelivery-service"));
    }

    private static URI service(LauncherConfig config, String name) {
        ServiceDef def = ServiceDef.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return URI.create(config.serviceUrl(def));
    }
}
