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
        return of(config, 0);
    }

    /** Replica {@code replica} (from 0) of each service of the stack. */
    public static Platform of(LauncherConfig config, int replica) {
        return new Platform(URI.create(config.tokenEndpoint()), service(config, "space-service", replica),
                service(config, "certification-service", replica), service(config, "mandate-service", replica),
                service(config, "mailing-service", replica), service(config, "edelivery-service", replica));
    }

    private static URI service(LauncherConfig config, String name, int replica) {
        ServiceDef def = ServiceDef.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return URI.create(config.serviceUrls(def).get(replica));
    }
}
