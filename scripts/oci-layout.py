#!/usr/bin/env python3
"""Writes a one-layer OCI image layout from a layer tar, byte for byte the same for the same inputs.

Usage: oci-layout.py LAYER.tar OUT-DIR --tag TAG --created EPOCH [--label KEY=VALUE ...]

The layer is compressed with gzip at a fixed level and without a timestamp; every JSON document is
written with sorted keys and no spaces, so the manifest digest depends only on the layer's bytes,
the tag, the creation time and the labels (scripts/build-image makes the layer reproducible too).
"""
import argparse
import datetime
import gzip
import hashlib
import json
import os
import sys

USER = "65532:65532"
ENTRYPOINT = ["/usr/local/bin/rampart"]


def canonical(document):
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()


def write_blob(out, data):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(out, "blobs", "sha256", digest)
    with open(path, "wb") as blob:
        blob.write(data)
    return {"digest": "sha256:" + digest, "size": len(data)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layer")
    parser.add_argument("out")
    parser.add_argument("--tag", required=True)
    parser.add_argument("--created", type=int, required=True, help="seconds since the epoch (SOURCE_DATE_EPOCH)")
    parser.add_argument("--label", action="append", default=[], help="KEY=VALUE")
    args = parser.parse_args()

    labels = {}
    for label in args.label:
        key, sep, value = label.partition("=")
        if not sep:
            sys.exit(f"oci-layout: --label {label!r} is not KEY=VALUE")
        labels[key] = value
    created = datetime.datetime.fromtimestamp(args.created, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    with open(args.layer, "rb") as layer_file:
        layer = layer_file.read()
    os.makedirs(os.path.join(args.out, "blobs", "sha256"), exist_ok=True)
    compressed = gzip.compress(layer, compresslevel=6, mtime=0)
    layer_descriptor = dict(write_blob(args.out, compressed), mediaType="application/vnd.oci.image.layer.v1.tar+gzip")

    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": created,
        "config": {
            "User": USER,
            "Entrypoint": ENTRYPOINT,
            "Cmd": ["--help"],
            "WorkingDir": "/",
            "Env": ["PATH=/usr/local/bin"],
            "Labels": labels,
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer).hexdigest()]},
        "history": [{"created": created, "created_by": "scripts/build-image"}],
    }
    config_descriptor = dict(write_blob(args.out, canonical(config)), mediaType="application/vnd.oci.image.config.v1+json")
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": config_descriptor,
        "layers": [layer_descriptor],
        "annotations": {"org.opencontainers.image.created": created},
    }
    manifest_descriptor = dict(write_blob(args.out, canonical(manifest)), mediaType="application/vnd.oci.image.manifest.v1+json")
    manifest_descriptor["annotations"] = {"org.opencontainers.image.ref.name": args.tag}
    with open(os.path.join(args.out, "index.json"), "wb") as index:
        index.write(canonical({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                               "manifests": [manifest_descriptor]}))
    with open(os.path.join(args.out, "oci-layout"), "wb") as layout:
        layout.write(canonical({"imageLayoutVersion": "1.0.0"}))
    print(f"{manifest_descriptor['digest']} {layer_descriptor['size']} {len(layer)}")


if __name__ == "__main__":
    main()
