package lu.ccss.guichet.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void defaultsAreTheFixedPortsOfTheLocalRun() {
        LauncherConfig config = Launcher.parse(new String[0]);
        assertEquals(15432, config.postgresPort());
        assertEquals(9092, config.kafkaPort());
        assertEquals(9093, config.kafkaControllerPort());
        assertEquals(8180, config.keycloakPort());
        assertEquals(List.of(8081, 8082, 8083, 8084, 8085),
                ServiceDef.ALL.stream().map(config::servicePort).toList());
        assertEquals("http://localhost:8180/realms/guichet", config.issuer());
        assertEquals(ServiceDef.ALL, config.services());
        assertEquals(LauncherConfig.Build.IF_MISSING, config.build());
        assertFalse(config.fresh());
        assertEquals(1, config.replicas());
        ServiceDef.ALL.forEach(s -> assertEquals(List.of(config.serviceUrl(s)), config.serviceUrls(s)));
    }

    @Test
    void replicasGetTheirOwnPortsTenApartWhateverTheOrderOfTheOptions() {
        LauncherConfig config = Launcher.parse(new String[] {"--replicas=2"});
        assertEquals(2, config.replicas());
        assertEquals(List.of(List.of(8081, 8091), List.of(8082, 8092), List.of(8083, 8093), List.of(8084, 8094),
                List.of(8085, 8095)), ServiceDef.ALL.stream().map(config::servicePorts).toList());
        ServiceDef space = ServiceDef.named("space-service");
        assertEquals("http://localhost:8081", config.serviceUrl(space));
        assertEquals(List.of("http://localhost:8081", "http://localhost:8091"), config.serviceUrls(space));

        LauncherConfig offsetFirst = Launcher.parse(new String[] {"--port-offset=100", "--replicas=3"});
        LauncherConfig replicasFirst = Launcher.parse(new String[] {"--replicas=3", "--port-offset=100"});
        assertEquals(List.of(8181, 8191, 8201), offsetFirst.servicePorts(space));
        assertEquals(offsetFirst.servicePorts(), replicasFirst.servicePorts());
        assertEquals(List.of(8081), Launcher.parse(new String[] {"--replicas=3", "--replicas=1"})
                .servicePorts(space));
    }

    @Test
    void oneServiceMayRunMoreReplicasThanTheOthers() {
        LauncherConfig config = LauncherConfig.builder().dataDir(Path.of("target/ports")).freePorts()
                .replicas("space-service", 2).create();
        ServiceDef space = ServiceDef.named("space-service");
        assertEquals(2, config.replicas());
        assertEquals(2, config.replicas(space));
        assertEquals(2, config.serviceUrls(space).size());
        ServiceDef.ALL.stream().filter(s -> !s.equals(space))
                .forEach(s -> assertEquals(1, config.replicas(s), s.name()));
        assertEquals(ServiceDef.ALL.size() + 1, ServiceDef.ALL.stream().mapToInt(config::replicas).sum());
        assertEquals(config.servicePorts(), config.toBuilder().create().servicePorts());
        assertEquals(1, LauncherConfig.builder().replicas("space-service", 2).replicas("space-service", 1).create()
                .replicas());
    }

    @Test
    void replicasOnFreePortsAreDistinctWhateverTheOrder() {
        for (LauncherConfig config : List.of(
                LauncherConfig.builder().dataDir(Path.of("target/ports")).freePorts().replicas(2).create(),
                LauncherConfig.builder().dataDir(Path.of("target/ports")).replicas(2).freePorts().create())) {
            List<Integer> ports = new java.util.ArrayList<>(List.of(config.postgresPort(), config.kafkaPort(),
                    config.kafkaControllerPort(), config.keycloakPort()));
            ServiceDef.ALL.forEach(s -> ports.addAll(config.servicePorts(s)));
            assertEquals(4 + 2 * ServiceDef.ALL.size(), ports.size());
            assertEquals(ports.size(), ports.stream().distinct().count(), "distinct: " + ports);
            assertTrue(ports.stream().allMatch(p -> p >= LauncherConfig.FREE_PORTS_FROM
                    && p < LauncherConfig.FREE_PORTS_TO), "free-port range: " + ports);
        }
    }

    @Test
    void freePortsAreDistinctAndOutsideTheKernelsEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            LauncherConfig config = LauncherConfig.builder().dataDir(Path.of("target/ports")).freePorts().create();
            List<Integer> ports = new java.util.ArrayList<>(List.of(config.postgresPort(), config.kafkaPort(),
                    config.kafkaControllerPort(), config.keycloakPort()));
            ServiceDef.ALL.forEach(s -> ports.add(config.servicePort(s)));
            assertEquals(ports.size(), ports.stream().distinct().count(), "distinct: " + ports);
            assertTrue(ports.stream().allMatch(p -> p >= LauncherConfig.FREE_PORTS_FROM
                    && p < LauncherConfig.FREE_PORTS_TO && p < 32768), "below 32768: " + ports);
        }
    }

    @Test
    void portOffsetMovesEveryPortAndTheIssuer() {
        LauncherConfig config = Launcher.parse(new String[] {"--port-offset=100"});
        assertEquals(15532, config.postgresPort());
        assertEquals(9192, config.kafkaPort());
        assertEquals(9193, config.kafkaControllerPort());
        assertEquals(8280, config.keycloakPort());
        assertEquals(8181, config.servicePort(ServiceDef.ALL.get(0)));
        assertEquals("http://localhost:8280/realms/guichet", config.issuer());
    }

    @Test
    void flagsSelectWhatStarts() {
        LauncherConfig config = Launcher.parse(new String[] {"--fresh", "--skip=space-service,mailing-service",
                "--no-build", "--timeout=60", "--data-dir=/tmp/guichet-x"});
        assertTrue(config.fresh());
        assertEquals(List.of("certification-service", "mandate-service", "edelivery-service"),
                config.services().stream().map(ServiceDef::name).toList());
        assertEquals(LauncherConfig.Build.NEVER, config.build());
        assertEquals(Duration.ofSeconds(60), config.startupTimeout());
        assertEquals(Path.of("/tmp/guichet-x"), config.dataDir());
        assertTrue(Launcher.parse(new String[] {"--infra-only"}).services().isEmpty());
        assertNull(Launcher.parse(new String[] {"--help"}));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--frsh"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--skip=spaces"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--timeout=soon"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--data-dir="}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--replicas=0"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--replicas=10"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--replicas=two"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(new String[] {"--replicas"}));
    }

    @Test
    void eachServiceGetsOnlyItsOwnKeys(@org.junit.jupiter.api.io.TempDir Path dataDir) {
        LocalSecrets secrets = new LocalSecrets(dataDir);
        secrets.ensure();
        ServiceDef mandate = ServiceDef.ALL.get(2);
        ServiceDef mailing = ServiceDef.ALL.get(3);
        assertTrue(secrets.forService(mailing).containsKey("CODES_PRIVATE_KEY"));
        assertFalse(secrets.forService(mandate).containsKey("CODES_PRIVATE_KEY"));
        assertTrue(secrets.forService(mandate).containsKey("CODES_PUBLIC_KEY"));
        ServiceDef.ALL.stream().filter(s -> s != mailing)
                .forEach(s -> assertFalse(secrets.forService(s).containsKey("CODES_PRIVATE_KEY"), s.name()));
        // The holder's security-code hash: sealed by the certification-service, opened only by the mandate-service.
        ServiceDef certification = ServiceDef.ALL.get(1);
        assertEquals("certification-service", certification.name());
        assertEquals("mandate-service", mandate.name());
        assertTrue(secrets.forService(certification).containsKey("SECURITY_CODE_PUBLIC_KEY"));
        assertEquals(secrets.forService(certification).get("SECURITY_CODE_KEY_ID"),
                secrets.forService(mandate).get("SECURITY_CODE_KEY_ID"));
        assertTrue(secrets.forService(mandate).containsKey("SECURITY_CODE_PRIVATE_KEY"));
        ServiceDef.ALL.stream().filter(s -> s != mandate)
                .forEach(s -> assertFalse(secrets.forService(s).containsKey("SECURITY_CODE_PRIVATE_KEY"), s.name()));
        // the print provider's public key reaches the mailing-service only; its private half reaches no service
        assertTrue(secrets.forService(mailing).containsKey("PRINT_PROVIDER_PUBLIC_KEY"));
        assertTrue(java.nio.file.Files.isRegularFile(dataDir.resolve(LocalSecrets.PRINT_PROVIDER_PRIVATE_KEY)));
        ServiceDef.ALL.forEach(s -> {
            assertEquals(s == mailing, secrets.forService(s).containsKey("PRINT_PROVIDER_PUBLIC_KEY"), s.name());
            assertFalse(secrets.forService(s).values().stream().anyMatch(v -> v.contains("print-provider-private")),
                    s.name());
        });
        // every service fingerprints idempotent requests under a key of its own
        assertEquals(ServiceDef.ALL.size(), ServiceDef.ALL.stream()
                .map(s -> secrets.forService(s).get("IDEMPOTENCY_HMAC_KEY")).filter(java.util.Objects::nonNull)
                .distinct().count());
        // kept: a second launcher on the same data directory gets the same keys
        assertEquals(secrets.forService(mandate), new LocalSecrets(dataDir).forService(mandate));
    }

    @Test
    void thePortalStartsWithTheServicesOnItsOwnPort() {
        LauncherConfig config = Launcher.parse(new String[0]);
        assertTrue(config.startsPortal());
        assertEquals(8080, config.portalPort());
        assertEquals("http://localhost:8080", config.portalUrl());
        assertEquals(8180, Launcher.parse(new String[] {"--port-offset=100"}).portalPort());
        assertFalse(Launcher.parse(new String[] {"--skip=portal"}).startsPortal());
        assertEquals(ServiceDef.ALL, Launcher.parse(new String[] {"--skip=portal"}).services(),
                "skipping the portal skips no service");
        assertFalse(Launcher.parse(new String[] {"--infra-only"}).startsPortal());
    }
}
