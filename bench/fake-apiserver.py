#!/usr/bin/env python3
"""A fake Kubernetes API server for bench/live: serves the objects of a YAML dump over HTTPS.

    bench/fake-apiserver.py DUMP.yaml CERT KEY PORT-FILE TOKEN

Answers discovery (/api, /apis, group versions) for the kinds in the dump and lists them with
limit/continue pagination, checking the bearer token. Secrets are answered as
PartialObjectMetadataList when asked. Writes the port it listens on to PORT-FILE when ready.
"""
import base64
import json
import ssl
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import yaml

# kind -> (group, version, plural, namespaced): what a real cluster serves for the generated kinds.
RESOURCES = {
    "Namespace": ("", "v1", "namespaces", False), "Node": ("", "v1", "nodes", False),
    "Pod": ("", "v1", "pods", True), "ConfigMap": ("", "v1", "configmaps", True),
    "Secret": ("", "v1", "secrets", True), "Service": ("", "v1", "services", True),
    "ServiceAccount": ("", "v1", "serviceaccounts", True), "ResourceQuota": ("", "v1", "resourcequotas", True),
    "LimitRange": ("", "v1", "limitranges", True), "Endpoints": ("", "v1", "endpoints", True),
    "Deployment": ("apps", "v1", "deployments", True), "ReplicaSet": ("apps", "v1", "replicasets", True),
    "StatefulSet": ("apps", "v1", "statefulsets", True), "DaemonSet": ("apps", "v1", "daemonsets", True),
    "Job": ("batch", "v1", "jobs", True), "CronJob": ("batch", "v1", "cronjobs", True),
    "Ingress": ("networking.k8s.io", "v1", "ingresses", True),
    "NetworkPolicy": ("networking.k8s.io", "v1", "networkpolicies", True),
    "Role": ("rbac.authorization.k8s.io", "v1", "roles", True),
    "RoleBinding": ("rbac.authorization.k8s.io", "v1", "rolebindings", True),
    "ClusterRole": ("rbac.authorization.k8s.io", "v1", "clusterroles", False),
    "ClusterRoleBinding": ("rbac.authorization.k8s.io", "v1", "clusterrolebindings", False),
    "HorizontalPodAutoscaler": ("autoscaling", "v2", "horizontalpodautoscalers", True),
    "PodDisruptionBudget": ("policy", "v1", "poddisruptionbudgets", True),
}


def root(group, version):
    return "/api/" + version if group == "" else "/apis/%s/%s" % (group, version)


def main():
    dump, cert, key, port_file, token = sys.argv[1:6]
    # list path -> [item JSON text], and the metadata-only items; every served resource has a list.
    items = {root(g, v) + "/" + plural: [] for (g, v, plural, _) in RESOURCES.values()}
    metadata = {path: [] for path in items}
    with open(dump) as stream:
        for document in yaml.load_all(stream, Loader=yaml.CSafeLoader):
            if not isinstance(document, dict) or document.get("kind") not in RESOURCES:
                continue
            group, version, plural, _ = RESOURCES[document["kind"]]
            path = root(group, version) + "/" + plural
            items.setdefault(path, []).append(json.dumps(document, default=str))
            metadata.setdefault(path, []).append(json.dumps(
                {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": document.get("metadata", {})},
                default=str))
    documents = {"/api": {"kind": "APIVersions", "versions": ["v1"]}}
    groups = {}
    for kind, (group, version, plural, namespaced) in RESOURCES.items():
        groups.setdefault((group, version), []).append(
            {"name": plural, "namespaced": namespaced, "kind": kind, "verbs": ["get", "list", "watch"]})
    for (group, version), resources in groups.items():
        documents[root(group, version)] = {"kind": "APIResourceList", "groupVersion": version if group == "" else group + "/" + version,
                                           "resources": resources}
    documents["/apis"] = {"kind": "APIGroupList", "groups": [
        {"name": group, "versions": [{"groupVersion": group + "/" + version, "version": version}],
         "preferredVersion": {"groupVersion": group + "/" + version, "version": version}}
        for (group, version) in groups if group != ""]}
    documents = {path: json.dumps(document).encode() for path, document in documents.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            if self.headers.get("Authorization") != "Bearer " + token:
                return self.send(401, b'{"kind":"Status","code":401,"message":"Unauthorized"}')
            if url.path in documents:
                return self.send(200, documents[url.path])
            if url.path not in items:
                return self.send(404, b'{"kind":"Status","code":404,"message":"not found"}')
            query = parse_qs(url.query)
            limit = int(query.get("limit", ["500"])[0])
            offset = int(base64.b64decode(query["continue"][0]).decode()) if "continue" in query else 0
            partial = "as=PartialObjectMetadataList" in self.headers.get("Accept", "")
            source = metadata[url.path] if partial else items[url.path]
            end = min(len(source), offset + limit)
            next_token = base64.b64encode(str(end).encode()).decode() if end < len(source) else ""
            body = '{"kind":"List","apiVersion":"v1","metadata":{"continue":"%s"},"items":[%s]}' % (
                next_token, ",".join(source[offset:end]))
            self.send(200, body.encode())

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(port_file, "w") as out:
        out.write(str(server.server_address[1]))
    print("serving %d objects" % sum(len(v) for v in items.values()), file=sys.stderr)
    server.serve_forever()


if __name__ == "__main__":
    main()
