#!/usr/bin/env python3
"""Writes rampart(1), a man page of every command, from the argument parser's own description.

Usage: rampart --experimental-dump-help | man-page.py VERSION DATE > rampart.1

The input is swift-argument-parser's tool-info JSON (the same data its generate-manual plugin reads);
the output is roff with the man macros: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, then one section per
subcommand with its own usage and options, EXIT STATUS and SEE ALSO.
"""
import json
import sys


def escape(text):
    """Roff-safe text: backslashes and hyphens escaped, no line starting with a control character."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.splitlines())


def flag(name):
    return ("-" if name["kind"] == "short" else "--") + name["name"]


def synopsis_of(argument):
    names = argument.get("names") or []
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        text = f"<{value}>" + ("..." if argument.get("isRepeating") else "")
    else:
        text = flag(argument.get("preferredName") or names[0])
        if argument["kind"] == "option":
            text += f" <{value}>"
    return f"[{text}]" if argument.get("isOptional") else text


def options(arguments):
    lines = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True) or argument.get("valueName") in ("help", "version"):
            continue
        if argument["kind"] == "positional":
            label = f"<{argument.get('valueName', '')}>"
        else:
            label = ", ".join(flag(name) for name in argument.get("names", []))
            if argument["kind"] == "option":
                label += f" <{argument.get('valueName', '')}>"
        lines.append(".TP")
        lines.append(f"\\fB{escape(label)}\\fR")
        description = argument.get("abstract", "")
        if argument.get("allValues"):
            description += f" (values: {', '.join(argument['allValues'])})"
        if argument.get("defaultValue") is not None:
            description += f" (default: {argument['defaultValue']})"
        lines.append(escape(description))
        if argument.get("discussion"):
            lines.append(escape(argument["discussion"] if isinstance(argument["discussion"], str) else ""))
    return lines


def command_section(command, path):
    name = " ".join(path)
    lines = [f".SS {escape(name)}", escape(command.get("abstract", ""))]
    usage = " ".join(synopsis_of(a) for a in command.get("arguments", []) if a.get("shouldDisplay", True)
                     and a.get("valueName") not in ("help", "version"))
    lines += [".PP", f"\\fB{escape(name)}\\fR {escape(usage)}"]
    if command.get("discussion"):
        lines += [".PP", escape(command["discussion"])]
    lines += options(command.get("arguments", []))
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            lines += command_section(sub, path + [sub["commandName"]])
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: rampart --experimental-dump-help | man-page.py VERSION DATE")
    version, date = sys.argv[1], sys.argv[2]
    root = json.load(sys.stdin)["command"]
    lines = [
        f'.TH RAMPART 1 "{date}" "rampart {escape(version)}" "User Commands"',
        ".SH NAME", f"rampart \\- {escape(root.get('abstract', ''))}",
        ".SH SYNOPSIS", "\\fBrampart\\fR \\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]",
        ".SH DESCRIPTION",
        escape("Rampart audits multi-tenant Kubernetes: manifests, rendered charts, cluster dumps and live clusters, "
               "against Pod Security, RBAC, NetworkPolicy, tenancy and hygiene rules, and enforces the same rules "
               "as an admission webhook. Every analysing command takes paths: files, directories (searched "
               "recursively for .yaml, .yml, .json) and - for standard input."),
        ".SH COMMANDS",
    ]
    for sub in root.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            lines += command_section(sub, ["rampart", sub["commandName"]])
    lines += [
        ".SH EXIT STATUS",
        escape("0: nothing at or above --fail-on (default high) and every input read. "
               "1: findings at or above it, or some input failed to load while others were audited. "
               "2: usage error, or no input read cleanly."),
        ".SH ENVIRONMENT",
        "\\fBNO_COLOR\\fR turns colour off; \\fBKUBECONFIG\\fR names the kubeconfig files for \\fB\\-\\-cluster\\fR.",
        ".SH SEE ALSO",
        escape("rampart explain RULE-ID; docs/rules.md; https://github.com/rampart-k8s/rampart"),
    ]
    sys.stdout.write("\n".join(line for line in lines if line is not None) + "\n")


if __name__ == "__main__":
    main()
