#!/usr/bin/env python3
"""Writes deploy/helm/schemas/: the JSON schemas the chart's rendered objects are validated against.

Run once per upgrade of Kubernetes or of an operator, from git checkouts of the sources listed in
deploy/helm/schemas/SOURCES.md (paths as arguments, see --help). What it does to the upstream text:
- Kubernetes: takes the definitions of swagger.json (Kubernetes' OpenAPI v2 document, as shipped by the official
  Python client), keeps those reachable from the kinds listed in KINDS, makes IntOrString and Quantity accept a
  string or a number (as the API server does), and makes every object with declared properties strict
  (additionalProperties: false), so a misspelt field fails.
- CRDs: takes each served version's openAPIV3Schema, translates x-kubernetes-int-or-string and nullable, leaves
  x-kubernetes-preserve-unknown-fields open, and makes every other object with declared properties strict.
"""
import argparse, json, os, subprocess, sys
import yaml

KINDS = {  # apiVersion/kind the chart may render -> swagger definition
    ("v1", "ConfigMap"), ("v1", "Secret"), ("v1", "Service"), ("v1", "ServiceAccount"),
    ("apps/v1", "Deployment"), ("policy/v1", "PodDisruptionBudget"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("networking.k8s.io/v1", "NetworkPolicy"), ("networking.k8s.io/v1", "Ingress"),
    ("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding"),
}

def git_show(repo, ref, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{ref}:{path}"], check=True, capture_output=True).stdout

def strict(node):
    if isinstance(node, dict):
        for v in list(node.values()):
            strict(v)
        if node.get("type") == "object" and "properties" in node and "additionalProperties" not in node \
                and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
    elif isinstance(node, list):
        for v in node:
            strict(v)
    return node

def crd_fix(node):
    if isinstance(node, dict):
        if node.pop("x-kubernetes-int-or-string", False):
            node.pop("type", None)
            node["anyOf"] = [{"type": "integer"}, {"type": "string"}]
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        for k in list(node.keys()):
            if k.startswith("x-kubernetes-") and k != "x-kubernetes-preserve-unknown-fields":
                node.pop(k)
        for v in list(node.values()):
            crd_fix(v)
    elif isinstance(node, list):
        for v in node:
            crd_fix(v)
    return node

def kubernetes(repo, ref, path, out, version):
    doc = json.loads(git_show(repo, ref, path))
    defs = doc["definitions"]
    gvk = {}
    for name, d in defs.items():
        for x in d.get("x-kubernetes-group-version-kind", []):
            api = x["version"] if not x["group"] else f'{x["group"]}/{x["version"]}'
            gvk[(api, x["kind"])] = name
    wanted = [gvk[k] for k in sorted(KINDS)]
    keep, todo = set(), list(wanted)
    while todo:
        n = todo.pop()
        if n in keep:
            continue
        keep.add(n)
        def refs(node):
            if isinstance(node, dict):
                r = node.get("$ref")
                if r:
                    todo.append(r.split("/")[-1])
                for v in node.values():
                    refs(v)
            elif isinstance(node, list):
                for v in node:
                    refs(v)
        refs(defs[n])
    kept = {n: defs[n] for n in sorted(keep)}
    for n in kept:
        if n.endswith("util.intstr.IntOrString") or n.endswith("api.resource.Quantity"):
            kept[n] = {"description": kept[n].get("description", ""), "anyOf": [{"type": "string"}, {"type": "integer"}] +
                       ([{"type": "number"}] if n.endswith("Quantity") else [])}
    for d in kept.values():
        d.pop("x-kubernetes-group-version-kind", None)
    strict(kept)
    schema = {"$schema": "http://json-schema.org/draft-04/schema#",
              "description": f"Kubernetes {version} API definitions ({len(kept)} of {len(defs)}), see SOURCES.md",
              "kinds": {f"{a}|{k}": f"#/definitions/{gvk[(a, k)]}" for (a, k) in sorted(KINDS)},
              "definitions": kept}
    with open(os.path.join(out, f"kubernetes-{version}.json"), "w") as f:
        json.dump(schema, f, indent=1, sort_keys=True)

def crds(repo, ref, paths, out, label):
    for p in paths:
        for crd in yaml.safe_load_all(git_show(repo, ref, p)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for v in crd["spec"]["versions"]:
                if not v.get("served"):
                    continue
                s = crd_fix(json.loads(json.dumps(v["schema"]["openAPIV3Schema"])))
                props = s.setdefault("properties", {})
                props["apiVersion"] = {"type": "string", "enum": [f"{group}/{v['name']}"]}
                props["kind"] = {"type": "string", "enum": [kind]}
                props["metadata"] = {"type": "object"}
                strict(s)
                s["$schema"] = "http://json-schema.org/draft-04/schema#"
                s["description"] = f"{kind} {group}/{v['name']} from {label} ({p}), see SOURCES.md"
                name = f"{group}_{v['name']}_{kind}.json"
                with open(os.path.join(out, "crds", name), "w") as f:
                    json.dump(s, f, indent=1, sort_keys=True)

if __name__ == "__main__":
    a = argparse.ArgumentParser()
    a.add_argument("--kubernetes-python", required=True, help="git dir of kubernetes-client/python")
    a.add_argument("--strimzi", required=True)
    a.add_argument("--cnpg", required=True)
    a.add_argument("--keycloak", required=True, help="git dir of keycloak/keycloak-k8s-resources")
    a.add_argument("--prometheus-operator", required=True)
    o = a.parse_args()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas")
    os.makedirs(os.path.join(out, "crds"), exist_ok=True)
    kubernetes(o.kubernetes_python, "024658493d124f046fc0a9827a2a3165cf2aee28", "kubernetes/swagger.json.unprocessed", out, "1.36")
    crds(o.strimzi, "1.2.0", [f"packaging/install/cluster-operator/{f}" for f in
                              ("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml", "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml")],
         out, "Strimzi 1.2.0")
    crds(o.cnpg, "v1.30.0", [f"config/crd/bases/postgresql.cnpg.io_{f}.yaml" for f in
                             ("clusters", "databases", "scheduledbackups")], out, "CloudNativePG 1.30.0")
    crds(o.keycloak, "26.0.0", ["kubernetes/keycloaks.k8s.keycloak.org-v1.yml",
                                "kubernetes/keycloakrealmimports.k8s.keycloak.org-v1.yml"], out, "Keycloak operator 26.0.0")
    crds(o.prometheus_operator, "v0.93.0", ["example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml",
                                            "example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml"],
         out, "Prometheus operator v0.93.0")
