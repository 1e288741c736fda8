package lu.ccss.guichet.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fails before anything starts if a port the stack needs is taken, naming what it was meant for. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(LauncherConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", config.postgresPort());
        ports.put("Kafka", config.kafkaPort());
        ports.put("Kafka controller", config.kafkaControllerPort());
        ports.put("Keycloak", config.keycloakPort());
        for (ServiceDef s : config.services()) {
            List<Integer> replicaPorts = config.servicePorts(s);
            for (int r = 1; r <= replicaPorts.size(); r++) {
                ports.put(ServiceReplica.name(s, r), replicaPorts.get(r - 1));
            }
        }
        if (config.startsPortal()) {
            ports.put(ServiceDef.PORTAL.name(), config.portalPort());
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new LaunchException("Port(s) already in use: " + String.join(", ", busy)
                    + ". Is another stack running? Stop it, or start this one with --port-offset=N.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
