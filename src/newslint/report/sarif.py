"""SARIF 2.1.0 (the OASIS standard that GitHub code scanning and many CI tools read).

One run; ``tool.driver.rules`` lists every registered rule (so ``ruleIndex`` is stable for
a given set of plugins and configuration), and the data rules of the configurations that
applied, with their documentation; each diagnostic is a result whose region
uses newslint's own positions: lines from 1, columns counting Unicode code points from 1,
end column exclusive, which is what SARIF's ``endColumn`` means too, so the run declares
``columnKind: unicodeCodePoints``. Artifact URIs are relative to the working directory
(``uriBaseId`` ``%SRCROOT%``), with forward slashes, percent-encoded. Safe fixes become
SARIF ``fixes``. Files that could not be linted are tool execution notifications.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Diagnostic, Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The project has no home page yet: this is where its releases are to be published.
INFORMATION_URI = "https://pypi.org/project/newslint/"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, root: str | None = None) -> str:
    """``path`` as a relative URI reference: relative to ``root`` (the working directory),
    forward slashes, every character that is not unreserved percent-encoded (UTF-8)."""
    root = root or os.getcwd()
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path, root)
        except ValueError:  # another drive on Windows: keep it absolute
            return "file:///" + quote(path.replace(os.sep, "/").lstrip("/"), safe="/:")
    path = path.replace(os.sep, "/")
    if path.startswith("./"):
        path = path[2:]
    # A first segment with a colon would read as a URI scheme ("c:x.md"): prefix "./".
    first = path.split("/", 1)[0]
    encoded = quote(path, safe="/")
    return "./" + encoded if ":" in first else encoded


def _first_section(doc: str) -> str:
    """The text of the first '## ' section of a rule's documentation (What it does)."""
    _, _, rest = doc.partition("\n## ")
    if not rest:
        return ""
    body = rest.partition("\n")[2]
    return body.split("\n## ", 1)[0].strip()


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = rule.documentation()
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary() or rule.name},
    }
    full = _first_section(doc)
    if full:
        descriptor["fullDescription"] = {"text": full}
    if doc:
        descriptor["help"] = {"text": doc, "markdown": doc}
    descriptor["defaultConfiguration"] = {
        "enabled": bool(rule.enabled_by_default),
        "level": LEVELS.get(rule.severity, "warning"),
    }
    descriptor["properties"] = {"tags": [rule.family], "family": rule.family, "plugin": rule.plugin,
                                "fixable": bool(rule.fixable)}
    return descriptor


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(d: Diagnostic, rule_index: dict[str, int], uri: str) -> dict[str, Any]:
    region = _region(d.line, d.column, d.end_line, d.end_column)
    if d.text:
        region["snippet"] = {"text": d.text}
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
                                            "region": region}}],
    }
    if d.code in rule_index:
        result["ruleIndex"] = rule_index[d.code]
    if d.fix is not None and d.fix.safe and d.fix_edits:
        result["fixes"] = [{
            "description": {"text": d.fix.message},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
                "replacements": [
                    {"deletedRegion": _region(l, c, el, ec), "insertedContent": {"text": content}}
                    for l, c, el, ec, content in d.fix_edits
                ],
            }],
        }]
    if d.suggestions:
        result["properties"] = {"suggestions": list(d.suggestions)}
    return result


def sarif_log(results: list[FileResult], rules: list[type[Rule]], root: str | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (``render_sarif`` writes it)."""
    root = root or os.getcwd()
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results = []
    notifications = []
    for r in results:
        notifications.extend({"level": "error", "message": {"text": fault}} for fault in r.faults)
        if r.error is not None:
            notifications.append({"level": "error", "message": {"text": r.error}})
            continue
        uri = artifact_uri(r.path, root)
        sarif_results.extend(_result(d, rule_index, uri) for d in r.diagnostics)
    root_uri = "file://" + quote(os.path.abspath(root).replace(os.sep, "/").rstrip("/") + "/", safe="/:")
    if not root_uri.startswith("file:///"):  # a Windows path: C:/... needs the third slash
        root_uri = "file:///" + root_uri[len("file://"):]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rule) for rule in rules],
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": root_uri}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render_sarif(results: list[FileResult], out: TextIO, rules: dict[str, type[Rule]] | None = None) -> None:
    if rules is None:
        from ..plugins import load_plugins

        rules = load_plugins().rules
    json.dump(sarif_log(results, list(rules.values())), out, ensure_ascii=False, indent=2)
    out.write("\n")
