package lu.ccss.guichet.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart deploy/helm/guichet, linted, rendered with each values file and checked, without a cluster. */
class ChartTest {

    /** The values files operators use, each rendered on top of the chart's values.yaml ("" = values.yaml alone). */
    static final List<String> VALUES = List.of("", "values-local.yaml", "ci/values-external-infra.yaml");

    static List<Path> valuesFiles(String file) {
        return file.isEmpty() ? List.of() : List.of(Chart.CHART.resolve(file));
    }

    @Test
    void lintsStrictWithoutWarnings() {
        LintResult lint = Chart.lint(Chart.CHART);
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-local.yaml", "ci/values-external-infra.yaml"})
    void everyRenderedObjectMatchesItsSchema(String values) {
        List<JsonNode> objects = Chart.render(Chart.CHART, valuesFiles(values), Map.of());
        Schemas schemas = new Schemas();
        List<String> errors = new ArrayList<>();
        objects.forEach(o -> errors.addAll(schemas.validate(o)));
        System.out.printf("[%s] %d objects rendered, validated against %d schemas: %s%n",
                values.isEmpty() ? "values.yaml" : values, objects.size(), schemas.used.size(), schemas.used);
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-local.yaml", "ci/values-external-infra.yaml"})
    void everyRenderedObjectFollowsThePlatformRules(String values) {
        List<JsonNode> objects = Chart.render(Chart.CHART, valuesFiles(values), Map.of());
        Rules rules = new Rules(objects);
        assertEquals(5, rules.ofKind("Deployment").size(), "the five services");
        assertEquals(List.of(), rules.all());
        System.out.printf("[%s] %d rules checked on %d objects%n", values.isEmpty() ? "values.yaml" : values,
                Rules.NAMES.size(), objects.size());
    }

    @Test
    void operatorsResourcesAreRenderedOnlyWhenSwitchedOn() {
        Set<String> kinds = kinds(Chart.render(Chart.CHART, List.of(), Map.of()));
        assertTrue(kinds.containsAll(Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database",
                "Keycloak", "KeycloakRealmImport", "PrometheusRule", "ServiceMonitor")), kinds.toString());
        Set<String> external = kinds(Chart.render(Chart.CHART, valuesFiles("ci/values-external-infra.yaml"), Map.of()));
        for (String kind : List.of("Kafka", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak", "KeycloakRealmImport")) {
            assertFalse(external.contains(kind), kind + " rendered although switched off");
        }
        assertTrue(external.contains("HorizontalPodAutoscaler"));
    }

    @Test
    void productionRealmHasNoDemoUsersOrClientSecrets() {
        JsonNode prod = only(Chart.render(Chart.CHART, List.of(), Map.of()), "KeycloakRealmImport");
        assertEquals("guichet", prod.path("spec").path("realm").path("realm").asText());
        assertFalse(prod.path("spec").path("realm").has("users"), "demo users in production");
        prod.path("spec").path("realm").path("clients").forEach(c -> assertFalse(c.has("secret"), c.path("clientId") + " secret"));
        assertTrue(prod.path("spec").path("realm").path("clients").size() >= 3);
        JsonNode local = only(Chart.render(Chart.CHART, valuesFiles("values-local.yaml"), Map.of()), "KeycloakRealmImport");
        assertTrue(local.path("spec").path("realm").path("users").size() > 0, "the laptop keeps the demo users");
    }

    @Test
    void kafkaUsersHaveExactlyTheAclsOfTheSecurityDocument() throws IOException {
        Map<String, AclTable.Row> documented = AclTable.read(Chart.REPO.resolve("docs/security.md"));
        List<JsonNode> users = new Rules(Chart.render(Chart.CHART, List.of(), Map.of())).ofKind("KafkaUser");
        assertEquals(new TreeSet<>(documented.keySet()),
                new TreeSet<>(users.stream().map(u -> u.path("metadata").path("name").asText()).toList()));
        for (JsonNode user : users) {
            String name = user.path("metadata").path("name").asText();
            AclTable.Row row = documented.get(name);
            Set<String> write = new TreeSet<>(), read = new TreeSet<>(), groups = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String ops = acl.path("operations").toString();
                String resource = acl.path("resource").path("name").asText();
                if (type.equals("topic") && ops.contains("Write")) write.add(resource);
                if (type.equals("topic") && ops.contains("Read")) read.add(resource);
                if (type.equals("group")) groups.add(resource);
                assertFalse(ops.contains("All") || ops.contains("Alter") || ops.contains("Delete") || ops.contains("Create"),
                        name + " is granted more than docs/security.md says: " + acl);
            }
            assertEquals(row.write(), write, name + " Write");
            assertEquals(row.read(), read, name + " Read");
            assertEquals(row.groups(), groups, name + " groups");
        }
    }

    // --- A chart broken on purpose must fail the checks.

    @Test
    void aMisspeltFieldFailsTheSchema(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Path services = chart.resolve("templates/services.yaml");
        Files.writeString(services, Files.readString(services).replace("revisionHistoryLimit: 5", "revisionHistoryLimits: 5"));
        Schemas schemas = new Schemas();
        List<String> errors = new ArrayList<>();
        Chart.render(chart, List.of(), Map.of()).forEach(o -> errors.addAll(schemas.validate(o)));
        assertEquals(5, errors.stream().filter(e -> e.startsWith("Deployment/") && e.contains("revisionHistoryLimits")).count(), errors.toString());
    }

    @Test
    void aWrongTypeInAnOperatorResourceFailsItsCrdSchema() {
        List<JsonNode> objects = Chart.render(Chart.CHART, List.of(), Map.of("kafka.strimzi.topics.partitions", "three"));
        Schemas schemas = new Schemas();
        List<String> errors = new ArrayList<>();
        objects.forEach(o -> errors.addAll(schemas.validate(o)));
        assertEquals(12, errors.stream().filter(e -> e.startsWith("KafkaTopic/") && e.contains("partitions")).count(), errors.toString());
    }

    @Test
    void aKeyGivenTwiceFailsTheParse() {
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Chart.parse("kind: Service\nmetadata:\n  labels:\n    a: x\n    a: y\n"));
        assertTrue(String.valueOf(e.getMessage()).contains("Duplicate field 'a'"), e.getMessage());
    }

    @Test
    void anUnknownKindFailsForWantOfASchema(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Files.writeString(chart.resolve("templates/extra.yaml"), "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: x}\n");
        Schemas schemas = new Schemas();
        List<String> errors = new ArrayList<>();
        Chart.render(chart, List.of(), Map.of()).forEach(o -> errors.addAll(schemas.validate(o)));
        assertEquals(List.of("Gadget/x: no schema for example.com/v1 Gadget"), errors);
    }

    @Test
    void aContainerWithoutLimitsFailsTheRules() {
        Rules rules = new Rules(Chart.render(Chart.CHART, List.of(), Map.of("serviceDefaults.resources.limits", "null")));
        // the mailing-service sets its own resources
        assertEquals(List.of("Deployment/certification-service container certification-service: no memory limit",
                "Deployment/edelivery-service container edelivery-service: no memory limit",
                "Deployment/mandate-service container mandate-service: no memory limit",
                "Deployment/space-service container space-service: no memory limit"), rules.limitsAndRequests());
    }

    @Test
    void aProbeRemovedFromTheTemplateFailsTheRules(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Path services = chart.resolve("templates/services.yaml");
        String text = Files.readString(services);
        int start = text.indexOf("          readinessProbe:");
        int end = text.indexOf("          securityContext:", start);
        Files.writeString(services, text.substring(0, start) + text.substring(end));
        Rules rules = new Rules(Chart.render(chart, List.of(), Map.of()));
        assertEquals(5, rules.probes().size(), rules.probes().toString());
    }

    @Test
    void aRootContainerFailsTheRules(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Path services = chart.resolve("templates/services.yaml");
        Files.writeString(services, Files.readString(services)
                .replace("runAsNonRoot: true", "runAsNonRoot: false").replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"));
        Rules rules = new Rules(Chart.render(chart, List.of(), Map.of()));
        assertEquals(10, rules.nonRootReadOnly().size(), rules.nonRootReadOnly().toString());
    }

    @Test
    void aSecretNobodyReadsFailsTheRules(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Files.writeString(chart.resolve("templates/extra.yaml"),
                "apiVersion: v1\nkind: Secret\nmetadata: {name: forgotten}\nstringData: {A: b}\n");
        Rules rules = new Rules(Chart.render(chart, List.of(), Map.of()));
        assertEquals(List.of("Secret/forgotten: rendered but referenced by nothing"), rules.secretsReferenced());
    }

    @Test
    void aServiceWithoutPdbOrNetworkPolicyFailsTheRules(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Path services = chart.resolve("templates/services.yaml");
        Files.writeString(services, Files.readString(services)
                .replace("kind: PodDisruptionBudget", "kind: PodDisruptionBudget\n# broken")
                .replace("  maxUnavailable: {{ $s.pdb.maxUnavailable }}\n  selector:\n    matchLabels:\n      {{- $sel | nindent 6 }}",
                        "  maxUnavailable: {{ $s.pdb.maxUnavailable }}\n  selector:\n    matchLabels: {app: nothing}")
                .replace("  podSelector:\n    matchLabels:\n      {{- $sel | nindent 6 }}\n  policyTypes: [Ingress, Egress]",
                        "  podSelector:\n    matchLabels:\n      {{- $sel | nindent 6 }}\n  policyTypes: [Ingress]"));
        Rules rules = new Rules(Chart.render(chart, List.of(), Map.of()));
        assertEquals(5, rules.pdbPerService().size(), rules.pdbPerService().toString());
        assertEquals(5, rules.networkPolicyPerService().size(), rules.networkPolicyPerService().toString());
    }

    @Test
    void anotherServiceReadingTheCodesPrivateKeyFailsTheRules() {
        Rules rules = new Rules(Chart.render(Chart.CHART, valuesFiles("values-local.yaml"),
                Map.of("services.space-service.existingSecret", "mailing-service-secrets")));
        assertEquals(List.of("Deployment/space-service: mounts Secret mailing-service-secrets holding CODES_PRIVATE_KEY"),
                rules.codePrivateKeyOnlyMailing());
        Rules byKey = new Rules(Chart.render(Chart.CHART, List.of(),
                Map.of("services.edelivery-service.secretKeys[2]", "CODES_PRIVATE_KEY")));
        assertEquals(List.of("Deployment/edelivery-service: reads CODES_PRIVATE_KEY"), byKey.codePrivateKeyOnlyMailing());
    }

    @Test
    void aVariableNoServiceReadsFailsTheRules() {
        Rules rules = new Rules(Chart.render(Chart.CHART, List.of(), Map.of("services.space-service.env.INVITATIONS_VALIDITY", "P7D")));
        assertEquals(List.of("Deployment/space-service: sets INVITATIONS_VALIDITY, which no application.properties reads"),
                rules.envReadByCode());
    }

    @Test
    void anImageOffThePatternFailsTheRules(@TempDir Path tmp) throws IOException {
        Path chart = Chart.copy(tmp.resolve("guichet"));
        Path services = chart.resolve("templates/services.yaml");
        Files.writeString(services, Files.readString(services)
                .replace("image: {{ include \"guichet.image\" (dict \"name\" $name \"root\" $root) | quote }}", "image: quay.io/guichet/app:latest"));
        Rules rules = new Rules(Chart.render(chart, List.of(), Map.of()));
        assertEquals(5, rules.imagePattern().size(), rules.imagePattern().toString());
    }

    private static Set<String> kinds(List<JsonNode> objects) {
        Set<String> kinds = new TreeSet<>();
        objects.forEach(o -> kinds.add(o.path("kind").asText()));
        return kinds;
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }
}
