package lu.ccss.guichet.helm;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's rules for what the chart renders. Each method returns the violations, one line each; the
 * tests assert there are none for every values file, and that a chart broken on purpose has some.
 */
final class Rules {

    static final List<String> SERVICES = List.of("space-service", "certification-service", "mandate-service",
            "mailing-service", "edelivery-service");
    /** The codes' private key: only the mailing-service may read it (docs/security.md). */
    static final String CODE_PRIVATE_KEY = "CODES_PRIVATE_KEY";
    static final String CODE_KEY_READER = "mailing-service";

    /** Rule names, for the report: each check below is one. */
    static final List<String> NAMES = List.of("limits-and-requests", "probes", "non-root-read-only",
            "secrets-referenced", "pdb-per-service", "network-policy-per-service", "code-private-key-only-mailing",
            "image-pattern", "env-read-by-code", "no-service-account-token");

    private final List<JsonNode> objects;

    Rules(List<JsonNode> objects) {
        this.objects = objects;
    }

    List<String> all() {
        List<String> v = new ArrayList<>();
        v.addAll(limitsAndRequests());
        v.addAll(probes());
        v.addAll(nonRootReadOnly());
        v.addAll(secretsReferenced());
        v.addAll(pdbPerService());
        v.addAll(networkPolicyPerService());
        v.addAll(codePrivateKeyOnlyMailing());
        v.addAll(imagePattern());
        v.addAll(envReadByCode());
        v.addAll(noServiceAccountToken());
        return v;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** Workloads with a pod template. */
    List<JsonNode> workloads() {
        return objects.stream().filter(o -> o.path("spec").path("template").path("spec").has("containers")).toList();
    }

    private static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode pod = workload.path("spec").path("template").path("spec");
        pod.path("containers").forEach(all::add);
        pod.path("initContainers").forEach(all::add);
        return all;
    }

    List<String> limitsAndRequests() {
        List<String> v = new ArrayList<>();
        for (JsonNode w : workloads()) {
            for (JsonNode c : containers(w)) {
                JsonNode r = c.path("resources");
                if (!r.path("limits").has("memory")) {
                    v.add(Chart.id(w) + " container " + c.path("name").asText() + ": no memory limit");
                }
                if (!r.path("requests").has("cpu") || !r.path("requests").has("memory")) {
                    v.add(Chart.id(w) + " container " + c.path("name").asText() + ": no cpu and memory requests");
                }
            }
        }
        return v;
    }

    List<String> probes() {
        List<String> v = new ArrayList<>();
        for (JsonNode w : workloads()) {
            for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    if (!c.has(probe)) {
                        v.add(Chart.id(w) + " container " + c.path("name").asText() + ": no " + probe);
                    }
                }
            }
        }
        return v;
    }

    List<String> nonRootReadOnly() {
        List<String> v = new ArrayList<>();
        for (JsonNode w : workloads()) {
            JsonNode pod = w.path("spec").path("template").path("spec");
            for (JsonNode c : containers(w)) {
                JsonNode sc = c.path("securityContext");
                String name = Chart.id(w) + " container " + c.path("name").asText();
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(pod.path("securityContext").path("runAsNonRoot").asBoolean(false));
                if (!nonRoot) {
                    v.add(name + ": not runAsNonRoot");
                }
                if (sc.path("runAsUser").asInt(pod.path("securityContext").path("runAsUser").asInt(-1)) == 0) {
                    v.add(name + ": runAsUser 0");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(name + ": root filesystem not read-only");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    v.add(name + ": privilege escalation allowed");
                }
                boolean dropsAll = false;
                for (JsonNode cap : sc.path("capabilities").path("drop")) {
                    dropsAll |= "ALL".equals(cap.asText());
                }
                if (!dropsAll) {
                    v.add(name + ": capabilities not dropped");
                }
            }
        }
        return v;
    }

    /** Names of Secrets some object refers to: secretKeyRef, secretRef, volume secretName, an operator's *Secret. */
    Set<String> referencedSecrets() {
        Set<String> names = new HashSet<>();
        for (JsonNode o : objects) {
            if (!"Secret".equals(o.path("kind").asText())) {
                collectSecretRefs(o, null, names);
            }
        }
        return names;
    }

    private static void collectSecretRefs(JsonNode node, String key, Set<String> names) {
        if (node.isObject()) {
            if (key != null && key.toLowerCase().contains("secret") && node.path("name").isTextual()) {
                names.add(node.path("name").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("secretName".equals(e.getKey()) && e.getValue().isTextual()) {
                    names.add(e.getValue().asText());
                }
                collectSecretRefs(e.getValue(), e.getKey(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectSecretRefs(item, key, names);
            }
        }
    }

    List<String> secretsReferenced() {
        Set<String> referenced = referencedSecrets();
        List<String> v = new ArrayList<>();
        for (JsonNode s : ofKind("Secret")) {
            if (!referenced.contains(s.path("metadata").path("name").asText())) {
                v.add(Chart.id(s) + ": rendered but referenced by nothing");
            }
        }
        return v;
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.path("matchLabels");
        if (match.isMissingNode() || match.size() == 0) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private List<JsonNode> serviceDeployments() {
        return ofKind("Deployment").stream()
                .filter(d -> SERVICES.contains(d.path("metadata").path("name").asText())).toList();
    }

    List<String> pdbPerService() {
        List<String> v = new ArrayList<>();
        for (JsonNode d : serviceDeployments()) {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            if (ofKind("PodDisruptionBudget").stream().noneMatch(p -> selects(p.path("spec").path("selector"), labels))) {
                v.add(Chart.id(d) + ": no PodDisruptionBudget selects its pods");
            }
        }
        return v;
    }

    List<String> networkPolicyPerService() {
        List<String> v = new ArrayList<>();
        for (JsonNode d : serviceDeployments()) {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            boolean covered = ofKind("NetworkPolicy").stream().anyMatch(p -> selects(p.path("spec").path("podSelector"), labels)
                    && p.path("spec").path("policyTypes").toString().contains("Ingress")
                    && p.path("spec").path("policyTypes").toString().contains("Egress"));
            if (!covered) {
                v.add(Chart.id(d) + ": no NetworkPolicy (Ingress and Egress) selects its pods");
            }
        }
        return v;
    }

    /** Only mailing-service pods may get the codes' private key, whether by key or by a whole Secret. */
    List<String> codePrivateKeyOnlyMailing() {
        Set<String> secretsWithKey = new HashSet<>();
        for (JsonNode s : ofKind("Secret")) {
            if (s.path("stringData").has(CODE_PRIVATE_KEY) || s.path("data").has(CODE_PRIVATE_KEY)) {
                secretsWithKey.add(s.path("metadata").path("name").asText());
            }
        }
        List<String> v = new ArrayList<>();
        for (JsonNode w : workloads()) {
            if (CODE_KEY_READER.equals(w.path("metadata").path("name").asText())) {
                continue;
            }
            String text = w.path("spec").path("template").toString();
            if (text.contains("\"" + CODE_PRIVATE_KEY + "\"")) {
                v.add(Chart.id(w) + ": reads " + CODE_PRIVATE_KEY);
            }
            Set<String> refs = new HashSet<>();
            collectSecretRefs(w.path("spec").path("template"), null, refs);
            for (String s : refs) {
                if (secretsWithKey.contains(s)) {
                    v.add(Chart.id(w) + ": mounts Secret " + s + " holding " + CODE_PRIVATE_KEY);
                }
            }
        }
        return v;
    }

    List<String> imagePattern() {
        List<String> v = new ArrayList<>();
        Pattern pattern = Pattern.compile("^[a-z0-9.:-]+(/[a-z0-9._-]+)*/([a-z-]+):[A-Za-z0-9._-]+$");
        for (JsonNode d : serviceDeployments()) {
            String name = d.path("metadata").path("name").asText();
            for (JsonNode c : containers(d)) {
                Matcher m = pattern.matcher(c.path("image").asText());
                if (!m.matches() || !m.group(2).equals(name)) {
                    v.add(Chart.id(d) + ": image " + c.path("image").asText() + " is not <registry>/<repository>/" + name + ":<tag>");
                }
            }
        }
        return v;
    }

    /**
     * Every environment variable the chart gives a service is one the code reads: named in a service's
     * application.properties or service-lib's microprofile-config.properties (${NAME:default}), Quarkus' profile
     * (QUARKUS_PROFILE), or the image's JAVA_OPTS_APPEND.
     */
    List<String> envReadByCode() {
        Set<String> read = variablesReadByCode();
        List<String> v = new ArrayList<>();
        Map<String, JsonNode> configMaps = new java.util.HashMap<>();
        for (JsonNode cm : ofKind("ConfigMap")) {
            configMaps.put(cm.path("metadata").path("name").asText(), cm);
        }
        for (JsonNode d : serviceDeployments()) {
            for (JsonNode c : containers(d)) {
                Set<String> names = new TreeSet<>();
                c.path("env").forEach(e -> names.add(e.path("name").asText()));
                for (JsonNode from : c.path("envFrom")) {
                    JsonNode cm = configMaps.get(from.path("configMapRef").path("name").asText());
                    if (cm != null) {
                        cm.path("data").fieldNames().forEachRemaining(names::add);
                    }
                }
                for (String name : names) {
                    if (!read.contains(name) && !name.equals("QUARKUS_PROFILE") && !name.equals("JAVA_OPTS_APPEND")) {
                        v.add(Chart.id(d) + ": sets " + name + ", which no application.properties reads");
                    }
                }
            }
        }
        return v;
    }

    static Set<String> variablesReadByCode() {
        Set<String> names = new TreeSet<>();
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        List<Path> files = new ArrayList<>();
        for (String s : SERVICES) {
            files.add(Chart.REPO.resolve(s).resolve("src/main/resources/application.properties"));
        }
        files.add(Chart.REPO.resolve("service-lib/src/main/resources/META-INF/microprofile-config.properties"));
        for (Path f : files) {
            try {
                Matcher m = variable.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    List<String> noServiceAccountToken() {
        List<String> v = new ArrayList<>();
        for (JsonNode d : serviceDeployments()) {
            if (d.path("spec").path("template").path("spec").path("automountServiceAccountToken").asBoolean(true)) {
                v.add(Chart.id(d) + ": mounts a service account token (the services never call the Kubernetes API)");
            }
        }
        for (JsonNode r : ofKind("Role")) {
            if (r.toString().contains("\"secrets\"")) {
                v.add(Chart.id(r) + ": grants access to Secrets");
            }
        }
        return v;
    }
}
