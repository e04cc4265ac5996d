"""Inline and file-level suppressions, and which of them suppress nothing.

In any format (a comment is the same in .md and .txt)::

    <!-- newslint: disable-next-line TYP003, WEB004 -->   the next non-blank line
    <!-- newslint: disable TYP003 --> ... <!-- newslint: enable TYP003 -->
    <!-- newslint: disable -->                             everything, to the end or an enable

and in front matter, for the whole file: ``newslint: {ignore: [TYP003, html-residue]}``.
Codes may be codes, prefixes or rule names; no code means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document
from .errors import InputError
from .registry import Registry
from .rule import Diagnostic, Finding

_DIRECTIVE_RE = re.compile(r"\s*newslint\s*:\s*(\S+)(.*)", re.DOTALL)
_SELECTOR_SPLIT_RE = re.compile(r"[\s,]+")
KINDS = ("disable-next-line", "disable", "enable")
FRONT_MATTER_KEY = "newslint"


@dataclass
class Directive:
    kind: str
    selectors: list[str]  # empty: every rule
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # selectors (or "*") that suppressed something
    problem: str | None = None


def file_ignores(doc: Document) -> list[str]:
    """The front matter's ``newslint: {ignore: [...]}``; InputError when malformed."""
    entry = doc.front_matter.get(FRONT_MATTER_KEY)
    if entry is None:
        return []
    where = doc.path
    if FRONT_MATTER_KEY in doc.front_matter_spans:
        line, col = doc.position(doc.front_matter_spans[FRONT_MATTER_KEY][0])
        where = f"{doc.path}:{line}:{col}"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: front matter 'newslint' must be a mapping such as {{ignore: [TYP003]}}")
    for key in entry:
        if key != "ignore":
            raise InputError(f"{where}: front matter 'newslint': unknown key '{key}' (known keys: ignore)")
    ignore = entry.get("ignore", [])
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(s, str) for s in ignore):
        raise InputError(f"{where}: front matter 'newslint.ignore' must be a list of rule codes")
    return ignore


def parse_directives(doc: Document) -> list[Directive]:
    directives = []
    for comment in doc.comments:
        m = _DIRECTIVE_RE.match(comment.body)
        if m is None:
            continue
        kind = m.group(1)
        selectors = [s for s in _SELECTOR_SPLIT_RE.split(m.group(2).strip()) if s]
        directive = Directive(kind, selectors, comment.start, comment.end)
        if kind not in KINDS:
            directive.problem = f"unknown suppression '{kind}' (use {', '.join(KINDS)})"
        directives.append(directive)
    return directives


def _matches(selector: str, code: str, registry: Registry) -> bool:
    return code in registry.resolve(selector)


def apply(
    doc: Document,
    diagnostics: list[Diagnostic],
    enabled: set[str],
    registry: Registry,
) -> tuple[list[Diagnostic], list[Finding]]:
    """Drop suppressed diagnostics; return the kept ones and findings on the suppressions
    that suppressed nothing (for the rules that review them, such as NL100)."""
    directives = parse_directives(doc)
    ignores = file_ignores(doc)
    if not directives and not ignores:
        return diagnostics, []

    next_line: dict[int, list[Directive]] = {}
    ranges: list[tuple[int, int, Directive]] = []
    open_: list[Directive] = []
    findings: list[Finding] = []
    for d in directives:
        if d.problem:
            continue
        if d.kind == "disable-next-line":
            next_line.setdefault(_next_nonblank_line(doc, d.end), []).append(d)
        elif d.kind == "disable":
            open_.append(d)
        else:  # enable
            closing = [o for o in open_ if not d.selectors or not o.selectors or set(o.selectors) & set(d.selectors)]
            if not closing:
                d.problem = "'enable' with no 'disable' before it"
                continue
            for o in closing:
                ranges.append((o.end, d.start, o))
                open_.remove(o)
            d.used.add("*")
    for o in open_:
        ranges.append((o.end, len(doc.text), o))

    used_ignores: set[str] = set()
    kept = []
    for diag in diagnostics:
        suppressed = False
        for selector in ignores:
            if _matches(selector, diag.code, registry):
                used_ignores.add(selector)
                suppressed = True
        for d in next_line.get(diag.line, ()):
            suppressed |= _consume(d, diag.code, registry)
        for start, end, d in ranges:
            if start <= diag.start < end:
                suppressed |= _consume(d, diag.code, registry)
        if not suppressed:
            kept.append(diag)

    for d in directives:
        findings.extend(_unused(d, enabled, registry))
    if ignores:
        start, end = doc.front_matter_spans.get(FRONT_MATTER_KEY, (0, 0))
        for selector in ignores:
            if selector in used_ignores:
                continue
            problem = _unused_selector(selector, enabled, registry)
            if problem:
                findings.append(Finding(start, end, f"Front-matter ignore {problem}"))
    return kept, findings


def _consume(d: Directive, code: str, registry: Registry) -> bool:
    if not d.selectors:
        d.used.add("*")
        return True
    hit = False
    for selector in d.selectors:
        if _matches(selector, code, registry):
            d.used.add(selector)
            hit = True
    return hit


def _unused(d: Directive, enabled: set[str], registry: Registry) -> list[Finding]:
    if d.problem:
        return [Finding(d.start, d.end, f"Suppression comment: {d.problem}")]
    if d.kind == "enable":
        return []
    where = "on the next line" if d.kind == "disable-next-line" else "in its range"
    if not d.selectors:
        if "*" not in d.used:
            return [Finding(d.start, d.end, f"Unused suppression: no diagnostic {where}")]
        return []
    out = []
    for selector in d.selectors:
        if selector in d.used:
            continue
        problem = _unused_selector(selector, enabled, registry, where)
        if problem:
            out.append(Finding(d.start, d.end, f"Suppression {problem}"))
    return out


def _unused_selector(selector: str, enabled: set[str], registry: Registry, where: str = "in this file") -> str | None:
    if not registry.is_known_selector(selector):
        return f"names unknown rule '{selector}'"
    if not any(code in enabled for code in registry.resolve(selector)):
        return None  # the rule is not enabled in this run: nothing to say
    return f"of {selector} is unused: no {selector} diagnostic {where}"


def _next_nonblank_line(doc: Document, offset: int) -> int:
    line, _ = doc.position(offset)
    starts = doc.lines.starts
    text = doc.text
    for n in range(line, len(starts)):  # n is the 0-based index of line n + 1
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        if text[starts[n] : end].strip():
            return n + 1
    return line + 1
