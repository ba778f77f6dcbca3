#!/usr/bin/env python3
"""Validate a SARIF file against the SARIF 2.1.0 JSON schema kept in Tests/Data."""
import json
import sys
from pathlib import Path

import jsonschema

schema = json.loads((Path(__file__).resolve().parent.parent / "Tests/Data/sarif-schema-2.1.0.json").read_text())
for path in sys.argv[1:]:
    log = json.loads(Path(path).read_text())
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    results = sum(len(run.get("results", [])) for run in log["runs"])
    print(f"{path}: valid SARIF 2.1.0 ({results} results)")
