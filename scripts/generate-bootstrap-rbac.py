#!/usr/bin/env python3
"""Writes Sources/RampartRBAC/BuiltIn/BootstrapPolicyData.swift from the Kubernetes bootstrap policy.

usage: scripts/generate-bootstrap-rbac.py [DIR]   (DIR defaults to ../shared/k8s-bootstrap-rbac)

DIR holds upstream's plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata files (see its README
for versions and gaps). scripts/bootstrap-rbac-changes.yaml brings them to the default bootstrap
policy of the Kubernetes releases it names (1.34–1.37) and says, for each role, from which release
it comes; every change must apply. Only roles are generated: the engine uses a built-in role when a
binding in the inputs refers to one that is not among them. Run it again when the data is refreshed;
the output is deterministic.
"""
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "k8s-bootstrap-rbac"
CHANGES = ROOT / "scripts" / "bootstrap-rbac-changes.yaml"
TARGET = ROOT / "Sources" / "RampartRBAC" / "BuiltIn" / "BootstrapPolicyData.swift"
FILES = ("cluster-roles.yaml", "controller-roles.yaml", "namespace-roles.yaml")
RULE_FIELDS = ("verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs")
BOOTSTRAP_LABELS = {"kubernetes.io/bootstrapping": "rbac-defaults"}


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def swift_strings(values):
    return "[" + ", ".join(swift_string(v) for v in values) + "]"


def swift_map(mapping):
    if not mapping:
        return "[:]"
    return "[" + ", ".join(f"{swift_string(k)}: {swift_string(v)}" for k, v in sorted(mapping.items())) + "]"


def swift_rule(rule):
    fields = [f"{field}: {swift_strings(rule[field])}" for field in RULE_FIELDS if rule.get(field)]
    return "PolicyRule(" + ", ".join(fields) + ")"


def normalised(rule):
    """A rule as a comparable value: fields in a fixed order, empty fields dropped."""
    return tuple((field, tuple(rule[field])) for field in RULE_FIELDS if rule.get(field))


def key(item):
    return item["kind"], item["metadata"].get("namespace", ""), item["metadata"]["name"]


def swift_role(item):
    meta = item["metadata"]
    selectors = []
    for selector in (item.get("aggregationRule") or {}).get("clusterRoleSelectors") or []:
        if set(selector) - {"matchLabels"}:
            sys.exit(f"{meta['name']}: only matchLabels selectors are supported")
        selectors.append(swift_map(selector["matchLabels"]))
    namespace = swift_string(meta["namespace"]) if meta.get("namespace") else "nil"
    rules = "".join(f"\n                {swift_rule(rule)}," for rule in item.get("rules") or [])
    rules = f"[{rules}\n            ]" if rules else "[]"
    return (f"        // {item['origin']}\n"
            f"        BuiltInRole(\n"
            f"            kind: .{'role' if item['kind'] == 'Role' else 'clusterRole'}, namespace: {namespace}, "
            f"name: {swift_string(meta['name'])},\n"
            f"            since: {swift_string(item['since'])}, rulesAsOf: {swift_string(item['rulesAsOf'])},\n"
            f"            labels: {swift_map(meta.get('labels'))},\n"
            f"            aggregationSelectors: [{', '.join(selectors)}],\n"
            f"            rules: {rules})")


def apply_change(change, roles, shared, changes):
    """Applies one entry of bootstrap-rbac-changes.yaml; exits when it does not apply."""
    name = change["name"]
    kind = (change.get("role") or {}).get("kind", "ClusterRole")
    found = [item for item in roles if item["kind"] == kind and item["metadata"]["name"] == name]
    if "role" in change:
        if found:
            sys.exit(f"{name}: the shared data has it now; drop the role from {CHANGES.name}")
        spec = change["role"]
        item = {"kind": kind, "metadata": {"name": name, "labels": spec.get("labels") or BOOTSTRAP_LABELS},
                "rules": spec["rules"], "file": None}
        roles.append(item)
    elif len(found) != 1:
        sys.exit(f"{name}: not in the shared data")
    else:
        item = found[0]
    if "rulesFrom" in change:
        other = [o for o in shared[change["rulesFrom"]] if key(o) == key(item)]
        if len(other) != 1:
            sys.exit(f"{name}: not in {change['rulesFrom']}")
        if normalised_rules(other[0]) == normalised_rules(item):
            sys.exit(f"{name}: {change['rulesFrom']} has the same rules; the change is not needed")
        item["rules"] = list(other[0].get("rules") or [])
        item["file"] = change["rulesFrom"]
    rules = item.get("rules") or []
    for rule in change.get("remove") or []:
        index = rule_index(rules, rule, name)
        del rules[index]
    for old, new in change.get("replace") or []:
        rules[rule_index(rules, old, name)] = new
    for rule in change.get("add") or []:
        if normalised(rule) in map(normalised, rules):
            sys.exit(f"{name}: already has {rule}")
        rules.append(rule)
    item["rules"] = rules
    item["changed"] = any(field in change for field in ("rulesFrom", "remove", "replace", "add"))
    item["since"] = change.get("since", changes["window"][0])
    item["rulesAsOf"] = change.get("rulesAsOf", changes["release"])
    item["why"] = change["why"]


def normalised_rules(item):
    return [normalised(rule) for rule in item.get("rules") or []]


def rule_index(rules, rule, name):
    matches = [index for index, existing in enumerate(rules) if normalised(existing) == normalised(rule)]
    if len(matches) != 1:
        sys.exit(f"{name}: no single rule {rule}")
    return matches[0]


def origin(item, changes):
    """The comment of a generated role: the releases that create it, and where its rules come from."""
    window = changes["window"]
    releases = f"Kubernetes {item['since']}–{window[-1]}" if item["since"] != window[-1] else f"Kubernetes {item['since']}"
    head = f"{item['kind']} {item['metadata']['name']}: {releases}, rules as of {item['rulesAsOf']}"
    if item.get("why") is None:
        return f"{head}, from {item['file']} ({changes['files'][item['file']]})"
    if item["file"] is None:
        return f"{head}, not in the shared data (rules as upstream's policy writes them): {item['why']}"
    verb = "changed" if item.get("changed") else "as is"
    return f"{head}, from {item['file']}, {verb}: {item['why']}"


def main():
    changes = yaml.safe_load(CHANGES.read_text())
    shared = {name: yaml.safe_load((SOURCE / name).read_text())["items"]
              for name in FILES + ("cluster-roles-featuregates.yaml",)}
    roles = []
    for name in FILES:
        for item in shared[name]:
            roles.append(dict(item, file=name, rules=list(item.get("rules") or [])))
    for change in changes["roles"]:
        apply_change(change, roles, shared, changes)
    for item in roles:
        item.setdefault("since", changes["window"][0])
        item.setdefault("rulesAsOf", changes["release"])
        item["origin"] = origin(item, changes)
    roles.sort(key=key)
    window = changes["window"]
    body = "".join(swift_role(item) + ",\n" for item in roles)
    TARGET.write_text(
        "// Generated by scripts/generate-bootstrap-rbac.py from the Kubernetes bootstrap policy test data\n"
        "// (kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata, Apache-2.0:\n"
        f"// {', '.join(FILES)}, cluster-roles-featuregates.yaml)\n"
        f"// and scripts/{CHANGES.name}. Do not edit by hand.\n\n"
        "extension BootstrapPolicy {\n"
        "    /// The Kubernetes releases whose default bootstrap policy the built-in roles follow.\n"
        f"    public static let kubernetesReleases = {swift_strings(window)}\n\n"
        "    /// The release whose rules the built-in roles reproduce (where releases differ).\n"
        f"    public static let rulesRelease = {swift_string(changes['release'])}\n\n"
        "    /// Every built-in Role and ClusterRole, sorted by kind, namespace and name; each comment says\n"
        "    /// which Kubernetes release the role comes from and which data it was generated from.\n"
        "    static let roles: [BuiltInRole] = [\n"
        f"{body}"
        "    ]\n"
        "}\n")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(roles)} roles, Kubernetes {window[0]}–{window[-1]}")


main()
