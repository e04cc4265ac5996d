"""YAML front matter (Jekyll, Hugo, Astro): parsed, and its text fields kept at their true positions.

PyYAML is imported only when a file has front matter. ``yaml.compose`` gives the exact
source range of every value, so ``title``/``excerpt``/... are linted in place: the rest
of the front matter is masked out of the prose. TOML front matter (``+++``) is masked whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re

from ..errors import InputError

TEXT_FIELDS = ("title", "subtitle", "excerpt", "description", "summary")
_EOL_RE = re.compile(r"\r\n|\r|\n")
_OPEN_RE = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
# A closing line: at the start of a line and alone on it, whichever of \n, \r\n or \r ends
# the lines (re's ^ and $ know \n only).
_CLOSE_YAML_RE = re.compile(r"(?<![^\r\n])(?:---|\.\.\.)[ \t]*(?![^\r\n])")
_CLOSE_TOML_RE = re.compile(r"(?<![^\r\n])\+\+\+[ \t]*(?![^\r\n])")


@dataclass
class FrontMatter:
    end: int  # offset just after the closing delimiter line
    values: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> value's source range
    fields: list[tuple[str, int, int]] = field(default_factory=list)  # text fields: key, start, end
    unmask: list[tuple[int, int]] = field(default_factory=list)  # ranges that stay prose
    masks: list[tuple[int, int]] = field(default_factory=list)  # escapes inside the fields


def _after_line(text: str, pos: int) -> int:
    for eol in ("\r\n", "\n", "\r"):
        if text.startswith(eol, pos):
            return pos + len(eol)
    return pos


def parse_front_matter(text: str, path: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, or None. Raises InputError when malformed."""
    opening = _OPEN_RE.match(text)
    if opening is None:
        return None
    body_start = opening.end()
    if opening.group(1) == "+++":
        close = _CLOSE_TOML_RE.search(text, body_start)
        if close is None:
            raise InputError(f"{path}:1:1: malformed front matter: '+++' on line 1 is never closed")
        return FrontMatter(end=_after_line(text, close.end()))
    close = _CLOSE_YAML_RE.search(text, body_start)
    if close is None:
        raise InputError(f"{path}:1:1: malformed front matter: '---' on line 1 is never closed")
    source = text[body_start : close.start()]
    fm = FrontMatter(end=_after_line(text, close.end()))
    if not source.strip():
        return fm

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(source, Loader=loader)
        values = yaml.load(source, Loader=loader)
    except yaml.YAMLError as exc:
        raise InputError(_yaml_message(path, exc, text, body_start)) from None
    if node is None:
        return fm
    if not isinstance(node, yaml.MappingNode) or not isinstance(values, dict):
        raise InputError(f"{path}:2:1: malformed front matter: expected 'key: value' pairs")
    fm.values = values
    for key_node, value_node in node.value:
        key = key_node.value
        start = body_start + value_node.start_mark.index
        end = body_start + value_node.end_mark.index
        fm.spans[key] = (start, end)
        if key in TEXT_FIELDS and isinstance(value_node, yaml.ScalarNode):
            _add_text_field(fm, text, key, value_node.style, start, end)
    return fm


def _add_text_field(fm: FrontMatter, text: str, key: str, style: str | None, start: int, end: int) -> None:
    if style in ("'", '"'):
        start, end = start + 1, end - 1
        escape = re.compile(r"''" if style == "'" else r"\\.")
        fm.masks.extend((m.start(), m.start() + 1) for m in escape.finditer(text, start, end))
    elif style in ("|", ">"):
        newline = _EOL_RE.search(text, start, end)
        start = newline.end() if newline else end
    while start < end and text[start] in " \t\r\n":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    if end > start:
        fm.fields.append((key, start, end))
        fm.unmask.append((start, end))


def _yaml_message(path: str, exc: Exception, text: str, body_start: int) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return f"{path}: malformed front matter: {problem}"
    from ..document import LineIndex

    line, column = LineIndex(text).position(body_start + mark.index)
    return f"{path}:{line}:{column}: malformed front matter: {problem}"
