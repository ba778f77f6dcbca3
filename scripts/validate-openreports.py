#!/usr/bin/env python3
"""Validate report objects (`rampart audit -o openreports`) against the openAPIV3Schema of the
OpenReports CRDs in deploy/crds/openreports.io.yaml.

    scripts/validate-openreports.py REPORTS.yaml...

Strict where the API server is lenient: a field the schema does not name would be pruned silently
by the API server, so here it is an error. Also checks that no report holds more results than its
own configuration.limits.maxResults, and that every namespaced Report describes its own namespace.
"""
import sys
from pathlib import Path

import jsonschema
import yaml

crds = Path(__file__).resolve().parent.parent / "deploy/crds/openreports.io.yaml"


def strict(schema):
    """The schema with unknown fields refused wherever it lists the known ones (metadata excepted)."""
    if isinstance(schema, dict):
        schema = {key: strict(value) for key, value in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
    elif isinstance(schema, list):
        schema = [strict(item) for item in schema]
    return schema


schemas = {}
for crd in yaml.safe_load_all(crds.read_text()):
    for version in crd["spec"]["versions"]:
        key = (crd["spec"]["group"] + "/" + version["name"], crd["spec"]["names"]["kind"])
        schemas[key] = (strict(version["schema"]["openAPIV3Schema"]), crd["spec"]["scope"])

failed = False
for path in sys.argv[1:]:
    documents = [d for d in yaml.safe_load_all(Path(path).read_text()) if d is not None]
    results = 0
    for document in documents:
        key = (document.get("apiVersion"), document.get("kind"))
        where = "%s: %s %s/%s" % (path, key[1], document.get("metadata", {}).get("namespace", ""), document.get("metadata", {}).get("name"))
        if key not in schemas:
            print("%s: no CRD for %s" % (where, key))
            failed = True
            continue
        schema, scope = schemas[key]
        try:
            jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)
        except jsonschema.ValidationError as error:
            print("%s: %s at %s" % (where, error.message, "/".join(map(str, error.absolute_path))))
            failed = True
        namespace = document["metadata"].get("namespace")
        if (scope == "Namespaced") != (namespace is not None):
            print("%s: a %s object %s a namespace" % (where, scope, "without" if namespace is None else "with"))
            failed = True
        if scope == "Namespaced" and document.get("scope", {}).get("name") != namespace:
            print("%s: scope %s is not its own namespace" % (where, document.get("scope")))
            failed = True
        limit = document.get("configuration", {}).get("limits", {}).get("maxResults")
        count = len(document.get("results", []))
        if limit is not None and count > limit:
            print("%s: %d results, more than its maxResults %d" % (where, count, limit))
            failed = True
        results += count
    print("%s: %d report objects, %d results%s" % (path, len(documents), results, " (INVALID)" if failed else ", valid against the OpenReports CRDs"))
sys.exit(1 if failed else 0)
