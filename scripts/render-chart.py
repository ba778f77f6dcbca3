#!/usr/bin/env python3
"""Renders deploy/helm/rampart the way `helm template` would, for the small template subset it uses.

No helm binary can be installed on these machines, so the chart test renders with this instead. It
knows exactly what the chart's templates use, and refuses anything else with an error naming the file
and line (so a template that grows past the subset fails the test instead of rendering wrongly):

  {{ .Values.a.b }}  {{ .Release.Namespace }}  {{ .Release.Name }}  {{ .Chart.Version }}  {{ .Chart.AppVersion }}
  {{ . }} inside range, "string literals", the functions quote, required MSG VALUE and not VALUE,
  pipelines (VALUE | quote), {{ if X }} {{ else }} {{ end }}, {{ range LIST }} {{ end }},
  {{- and -}} whitespace trimming, {{/* comments */}}.

Usage: render-chart.py CHART [--namespace NS] [--release NAME] [--set KEY=VALUE ...]
Values given with --set are strings, except true and false. The output is a YAML stream with
`# Source:` lines, as helm template prints it; documents that render empty are left out.
"""
import argparse
import json
import os
import re
import shlex
import sys

import yaml

ACTION = re.compile(r"\{\{(-?)(.*?)(-?)\}\}", re.S)


class TemplateError(Exception):
    pass


def tokenize(text, name):
    """Splits a template into text and action tokens, applying the trim markers."""
    tokens, position = [], 0
    for match in ACTION.finditer(text):
        before = text[position:match.start()]
        if match.group(1):
            before = before.rstrip()
        if tokens and tokens[-1][0] == "action" and tokens[-1][3]:
            before = before.lstrip()
        tokens.append(("text", before, None, False))
        line = text.count("\n", 0, match.start()) + 1
        tokens.append(("action", match.group(2).strip(), f"{name}:{line}", bool(match.group(3))))
        position = match.end()
    rest = text[position:]
    if tokens and tokens[-1][0] == "action" and tokens[-1][3]:
        rest = rest.lstrip()
    tokens.append(("text", rest, None, False))
    return tokens


def parse(tokens):
    """Builds the tree: lists of ("text", s), ("out", expr, where), ("if", expr, where, then, else), ("range", ...)."""
    root, stack = [], []
    current = root
    for kind, body, where, _ in tokens:
        if kind == "text":
            if body:
                current.append(("text", body))
            continue
        if body.startswith("/*"):
            if not body.endswith("*/"):
                raise TemplateError(f"{where}: unterminated comment")
            continue
        word = body.split(None, 1)[0] if body else ""
        if word in ("if", "range"):
            node = [word, body[len(word):].strip(), where, [], []]
            current.append(node)
            stack.append((node, "then"))
            current = node[3]
        elif word == "else":
            if not stack or stack[-1][0][0] != "if" or stack[-1][1] != "then" or body != "else":
                raise TemplateError(f"{where}: 'else' outside an if, or 'else if' (not in the subset)")
            node = stack[-1][0]
            stack[-1] = (node, "else")
            current = node[4]
        elif word == "end":
            if not stack:
                raise TemplateError(f"{where}: 'end' without if or range")
            stack.pop()
            current = stack[-1][0][3 if stack[-1][1] == "then" else 4] if stack else root
        elif word in ("define", "template", "include", "with", "block", "define", "tpl"):
            raise TemplateError(f"{where}: '{word}' is not in the renderer's subset")
        else:
            current.append(("out", body, where))
    if stack:
        raise TemplateError(f"{stack[-1][0][2]}: '{stack[-1][0][0]}' without 'end'")
    return root


def lookup(path, scope, where):
    if path == ".":
        return scope["."]
    parts = path.split(".")[1:]
    if parts[0] not in ("Values", "Release", "Chart"):
        raise TemplateError(f"{where}: '{path}' is not in the renderer's subset")
    value = scope[parts[0]]
    for part in parts[1:]:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def term(token, scope, where):
    if token.startswith('"'):
        return json.loads(token)
    if token.startswith("."):
        return lookup(token, scope, where)
    raise TemplateError(f"{where}: '{token}' is not in the renderer's subset")


def truthy(value):
    return value not in (None, False, 0, "", [], {})


def evaluate(expression, scope, where):
    """A pipeline: commands separated by '|', each a term or a function with arguments."""
    value, first = None, True
    for command in expression.split("|"):
        try:
            words = shlex.split(command, posix=False)
        except ValueError as error:
            raise TemplateError(f"{where}: {error}") from error
        if not words:
            raise TemplateError(f"{where}: empty command")
        name, arguments = words[0], [term(word, scope, where) for word in words[1:]]
        if not first:
            arguments.append(value)
        if name in ("quote", "required", "not"):
            value = call(name, arguments, where)
        elif len(words) == 1 and first:
            value = term(name, scope, where)
        else:
            raise TemplateError(f"{where}: function '{name}' is not in the renderer's subset")
        first = False
    return value


def call(name, arguments, where):
    if name == "quote" and len(arguments) == 1:
        return json.dumps(text(arguments[0]))
    if name == "not" and len(arguments) == 1:
        return not truthy(arguments[0])
    if name == "required" and len(arguments) == 2:
        if not truthy(arguments[1]):
            raise TemplateError(f"{where}: {arguments[0]}")
        return arguments[1]
    raise TemplateError(f"{where}: {name} with {len(arguments)} arguments is not in the renderer's subset")


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        raise TemplateError("a map or list printed whole (toYaml is not in the renderer's subset)")
    return str(value)


def render(nodes, scope):
    out = []
    for node in nodes:
        if node[0] == "text":
            out.append(node[1])
        elif node[0] == "out":
            out.append(text(evaluate(node[1], scope, node[2])))
        elif node[0] == "if":
            out.append(render(node[3] if truthy(evaluate(node[1], scope, node[2])) else node[4], scope))
        else:
            items = evaluate(node[1], scope, node[2])
            if items is not None and not isinstance(items, list):
                raise TemplateError(f"{node[2]}: range over a value that is not a list")
            for item in items or []:
                out.append(render(node[3], dict(scope, **{".": item})))
    return "".join(out)


def set_value(values, assignment):
    key, sep, raw = assignment.partition("=")
    if not sep:
        raise TemplateError(f"--set {assignment!r} is not KEY=VALUE")
    target = values
    parts = key.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = {"true": True, "false": False}.get(raw, raw)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chart")
    parser.add_argument("--namespace", default="rampart-system")
    parser.add_argument("--release", default="rampart")
    parser.add_argument("--set", action="append", default=[], dest="assignments")
    args = parser.parse_args()
    with open(os.path.join(args.chart, "Chart.yaml")) as chart_file:
        chart = yaml.safe_load(chart_file)
    with open(os.path.join(args.chart, "values.yaml")) as values_file:
        values = yaml.safe_load(values_file) or {}
    try:
        for assignment in args.assignments:
            set_value(values, assignment)
        scope = {
            "Values": values,
            "Release": {"Namespace": args.namespace, "Name": args.release},
            "Chart": {"Name": chart["name"], "Version": chart["version"], "AppVersion": chart.get("appVersion")},
            ".": None,
        }
        templates = os.path.join(args.chart, "templates")
        out = []
        for name in sorted(os.listdir(templates)):
            if name.startswith("_") or not name.endswith(".yaml"):
                continue
            with open(os.path.join(templates, name)) as template_file:
                source = template_file.read()
            rendered = render(parse(tokenize(source, f"templates/{name}")), scope)
            for document in re.split(r"^---\s*$", rendered, flags=re.M):
                if document.strip() and any(line.strip() and not line.lstrip().startswith("#") for line in document.splitlines()):
                    out.append(f"---\n# Source: {chart['name']}/templates/{name}\n{document.strip(chr(10))}\n")
    except TemplateError as error:
        sys.exit(f"render-chart: {error}")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
