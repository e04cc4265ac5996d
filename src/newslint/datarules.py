"""Rules as data: house-style rules a newsroom writes in TOML or YAML, without Python.

Four kinds, after Vale's:

- ``existence``: report each match of ``tokens`` ("irregardless", "very unique");
- ``substitution``: report each key of ``swap`` and suggest its value ("per cent" -> "percent");
- ``consistency``: for each pair in ``either``, the first form an article uses sets its
  spelling and the other form is reported ("adviser" / "advisor");
- ``occurrence``: report a sentence, paragraph or document with more than ``max`` matches of
  ``token`` (a metric: ``token = '\\w+'``, ``max = 35``, ``per = "sentence"``).

Every pattern is a regular expression (the ``regex`` module's syntax) matched as whole words;
each rule compiles all its entries into one alternation, so a table of hundreds of entries
costs one scan of the text. Rules come from ``data-rules`` (inline tables) and
``data-rule-files`` in the configuration, or from a plugin that ships a file and returns
``load_rule_file(path)`` from its ``newslint_rules`` hook. Errors name the file and the key.
"""

from __future__ import annotations

import copyreg
import os
import string
from typing import Any, Callable, Iterable

from .document import CODE, FIELD, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, SHORT
from .errors import ConfigError
from .config import SEVERITIES, type_name
from .patterns import backtracking_risk
from .rule import CODE_RE, NAME_RE, Edit, Finding, Fix, Rule

KINDS = ("existence", "substitution", "consistency", "occurrence")
SCOPES = {
    "heading": {HEADING},
    "paragraph": {PARAGRAPH},
    "list": {LIST_ITEM},
    "blockquote": {QUOTE},
    "short-line": {SHORT},  # captions, bylines, datelines: one short line without a full stop
    "front-matter": {FIELD},
    "body": {PARAGRAPH, LIST_ITEM, QUOTE, SHORT},
    "prose": {HEADING, PARAGRAPH, LIST_ITEM, QUOTE, SHORT, FIELD},
}
PER = ("sentence", "paragraph", "document")
PLACEHOLDERS = {
    "existence": {"match"},
    "substitution": {"match", "replacement"},
    "consistency": {"match", "other"},
    "occurrence": {"match", "count", "max"},
}
# key -> (type, required for kinds, default)
COMMON_KEYS: dict[str, tuple[type | tuple[type, ...], Any]] = {
    "code": (str, None),
    "kind": (str, None),
    "message": (str, None),
    "name": (str, None),
    "summary": (str, None),
    "description": (str, None),
    "why": (str, None),
    "example": (str, None),
    "instead": (str, None),
    "false-positives": (str, None),
    "family": (str, "house-style"),
    "severity": (str, "warning"),
    "scope": (list, ["prose"]),
    "quotes": (bool, False),  # also match inside quoted speech
    "ignore-case": (bool, False),
    "enabled": (bool, True),
}
# What must (or must not) come just before or after a match, as patterns (lookarounds).
CONTEXT_KEYS: dict[str, tuple[type, Any]] = {"before": (str, ""), "not-before": (str, ""), "after": (str, ""),
                                             "not-after": (str, "")}
KIND_KEYS: dict[str, dict[str, tuple[type | tuple[type, ...], Any]]] = {
    "existence": {"tokens": (list, None), **CONTEXT_KEYS},
    "substitution": {"swap": (dict, None), "fix": (bool, False), **CONTEXT_KEYS},
    "consistency": {"either": (dict, None)},
    "occurrence": {"token": (str, None), "max": (int, None), "per": (str, "sentence")},
}
DEFAULTABLE = ("family", "severity", "scope", "quotes", "ignore-case", "enabled")


class DataRuleType(type):
    """The metaclass of data rules, so that pickle (``-j`` where processes are spawned, not
    forked) rebuilds a data rule class from its table instead of looking it up by name."""


class DataRule(Rule, metaclass=DataRuleType):
    """Base of the rule classes built from data; ``spec`` holds the validated table."""

    spec: dict[str, Any] = {}
    source: str = ""
    _compiled = None  # (one alternation of every entry, capture-group index -> entry index)
    _compile_args: tuple = ()  # how to build it, for a rule loaded with compile_now=False
    _entries: list = []  # per entry: its payload (replacement, (pair, side), ...)

    @classmethod
    def source_file(cls) -> str | None:
        return cls.source or None  # the TOML or YAML file that defines the rule

    @classmethod
    def _regex(cls):
        if cls._compiled is None:  # compiled on first use (a ConfigError naming the key if bad)
            cls._compiled = _compile(*cls._compile_args)
        return cls._compiled

    def check(self, document):
        spec = self.spec
        kinds = _scope_kinds(spec["scope"])
        blocks = [b for b in document.blocks if b.kind in kinds and b.kind != CODE]
        if not blocks:
            return
        kind = spec["kind"]
        if kind == "occurrence":
            yield from self._occurrence(document, blocks)
            return
        seen: dict[int, str] = {}  # consistency: pair -> the form used first
        for m, entry in self._matches(document, blocks):
            text = m.group()
            if kind == "existence":
                yield Finding(m.start(), m.end(), self._message(match=text))
            elif kind == "substitution":
                replacement = _match_case(self._entries[entry], text)
                fix = Fix((Edit(m.start(), m.end(), replacement),), f"Replace with {replacement}") if spec["fix"] else None
                yield Finding(m.start(), m.end(), self._message(match=text, replacement=replacement),
                              suggestions=(replacement,), fix=fix)
            else:  # consistency
                pair, side = self._entries[entry]
                first = seen.setdefault(pair, f"{side}\0{text}")
                if not first.startswith(f"{side}\0"):
                    yield Finding(m.start(), m.end(), self._message(match=text, other=first.split("\0", 1)[1]),
                                  suggestions=(first.split("\0", 1)[1],))

    def _matches(self, document, blocks):
        prose = document.prose
        skip_quotes = not self.spec["quotes"]
        pattern, group_entry = self._regex()
        for block in blocks:
            for m in pattern.finditer(prose, block.start, block.end):
                if m.end() == m.start() or (skip_quotes and document.in_quote(m.start(), m.end())):
                    continue
                yield m, group_entry.get(m.lastindex or 0, 0)

    def _occurrence(self, document, blocks):
        spec = self.spec
        limit = spec["max"]
        if spec["per"] == "sentence":
            units = [[(s.start, s.end)] for b in blocks for s in b.sentences]
        elif spec["per"] == "paragraph":
            units = [[(b.start, b.end)] for b in blocks]
        else:
            units = [[(b.start, b.end) for b in blocks]]
        prose = document.prose
        skip_quotes = not spec["quotes"]
        for spans in units:
            pattern = self._regex()[0]
            found = [m for start, end in spans for m in pattern.finditer(prose, start, end)
                     if m.end() > m.start() and not (skip_quotes and document.in_quote(m.start(), m.end()))]
            if len(found) > limit:
                over = found[limit]
                end = spans[-1][1] if spec["per"] != "document" else over.end()
                start = spans[0][0] if spec["per"] != "document" else over.start()
                while end > start and prose[end - 1].isspace():
                    end -= 1
                yield Finding(start, end, self._message(match=over.group(), count=len(found), max=limit))

    def _message(self, **values) -> str:
        return self.spec["message"].format_map(values)


def _match_case(replacement: str, matched: str) -> str:
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _scope_kinds(scope: list[str]) -> set[str]:
    kinds: set[str] = set()
    positive = [s for s in scope if not s.startswith("~")]
    for s in positive or ["prose"]:
        kinds |= SCOPES[s]
    for s in scope:
        if s.startswith("~"):
            kinds -= SCOPES[s[1:]]
    return kinds


# -- loading and validating ------------------------------------------------------------------


def load_rule_file(path: str, defaults: dict[str, Any] | None = None, compile_now: bool = True) -> list[type[Rule]]:
    """The rules of a TOML (``[[rules]]``) or YAML (``rules:``) file, validated.

    A ``[defaults]`` table (``defaults:`` in YAML) sets family, severity, scope, quotes,
    ignore-case or enabled for every rule of the file. Raises ConfigError naming the file and key.
    ``compile_now=False`` leaves the patterns to be compiled when a rule first runs: what a
    plugin wants, as its rules are registered on every run, selected or not (a bad pattern
    is then a ConfigError at that moment, so test the file).
    """
    path = os.path.abspath(path)
    data = _read(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table with a 'rules' list")
    unknown = set(data) - {"rules", "defaults"}
    if unknown:
        raise ConfigError(f"{path}: '{sorted(unknown)[0]}': unknown key (known keys: rules, defaults)")
    file_defaults = data.get("defaults", {})
    if not isinstance(file_defaults, dict):
        raise ConfigError(f"{path}: 'defaults': expected a table")
    for key in file_defaults:
        if key not in DEFAULTABLE:
            raise ConfigError(f"{path}: 'defaults.{key}': not a default a rule file can set ({', '.join(DEFAULTABLE)})")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise ConfigError(f"{path}: 'rules': expected a non-empty list of rule tables")
    return build_rules(rules, path, "rules", {**(defaults or {}), **file_defaults}, compile_now)


def _read(path: str) -> Any:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: rule file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    if path.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
    if not path.lower().endswith(".toml"):
        raise ConfigError(f"{path}: a rule file is .toml, .yaml or .yml")
    from .config import load_toml

    return load_toml(path)


def build_rules(tables: Iterable[Any], source: str, key: str = "data-rules",
                defaults: dict[str, Any] | None = None, compile_now: bool = True) -> list[type[Rule]]:
    """Rule classes from a list of rule tables; ``key`` names the list in error messages."""
    rules: list[type[Rule]] = []
    codes: set[str] = set()
    for i, table in enumerate(tables):
        where = f"{key}[{i}]"
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: '{where}': expected a table (code, kind, message, ...)")
        rule = _build(table, source, where, defaults or {}, compile_now)
        if rule.code in codes:
            raise ConfigError(f"{source}: '{where}.code': {rule.code} is defined twice")
        codes.add(rule.code)
        rules.append(rule)
    return rules


def _build(table: dict[str, Any], source: str, where: str, defaults: dict[str, Any],
           compile_now: bool = True) -> type[Rule]:
    code = table.get("code")
    label = f"{where}" + (f" ({code})" if isinstance(code, str) else "")

    def err(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: '{label}.{key}': {problem}")

    kind = table.get("kind")
    if kind not in KINDS:
        raise err("kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    allowed = {**COMMON_KEYS, **KIND_KEYS[kind]}
    spec: dict[str, Any] = {}
    for k, value in table.items():
        if k not in allowed:
            raise err(k, f"unknown key for a {kind} rule (keys: {', '.join(allowed)})")
    for k, (expected, default) in allowed.items():
        value = table.get(k, defaults.get(k, default))
        if value is None:
            if k in ("code", "message") or k in KIND_KEYS[kind] and KIND_KEYS[kind][k][1] is None:
                raise err(k, "missing")
            spec[k] = None
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise err(k, f"expected a {type_name(expected)}, got {value!r}")
        spec[k] = value
    if not CODE_RE.match(spec["code"]):
        raise err("code", f"{spec['code']!r} is not 2-5 capital letters and 3 digits (e.g. HSE001)")
    spec["name"] = spec["name"] or spec["code"].lower()
    if not NAME_RE.match(spec["name"]):
        raise err("name", f"{spec['name']!r} is not kebab-case (e.g. said-not-stated)")
    if spec["severity"] not in SEVERITIES:
        raise err("severity", f"expected one of {', '.join(SEVERITIES)}, got {spec['severity']!r}")
    for s in spec["scope"]:
        if not isinstance(s, str) or s.lstrip("~") not in SCOPES:
            raise err("scope", f"unknown scope {s!r} (scopes: {', '.join(SCOPES)}; '~heading' excludes one)")
    try:
        used = {field for _, field, _, _ in string.Formatter().parse(spec["message"]) if field is not None}
    except ValueError as exc:
        raise err("message", f"bad placeholder: {exc} (write {{{{ and }}}} for braces)") from None
    bad = used - PLACEHOLDERS[kind]
    if bad:
        raise err("message", f"unknown placeholder {{{sorted(bad)[0]}}} (a {kind} rule has "
                  + ", ".join("{%s}" % p for p in sorted(PLACEHOLDERS[kind])) + ")")

    entries: list[Any] = []
    patterns: list[str] = []
    if kind == "existence":
        if not spec["tokens"] or not all(isinstance(t, str) and t for t in spec["tokens"]):
            raise err("tokens", "expected a non-empty list of patterns")
        patterns, entries = list(spec["tokens"]), [None] * len(spec["tokens"])
    elif kind == "substitution":
        if not spec["swap"] or not all(isinstance(v, str) for v in spec["swap"].values()):
            raise err("swap", "expected a non-empty table of pattern = replacement")
        patterns, entries = list(spec["swap"]), list(spec["swap"].values())
    elif kind == "consistency":
        if not spec["either"] or not all(isinstance(v, str) and v for v in spec["either"].values()):
            raise err("either", "expected a non-empty table of form = other form")
        for n, (a, b) in enumerate(spec["either"].items()):
            patterns += [a, b]
            entries += [(n, 0), (n, 1)]
    else:
        if spec["per"] not in PER:
            raise err("per", f"expected one of {', '.join(PER)}, got {spec['per']!r}")
        if spec["max"] < 0:
            raise err("max", "must be 0 or more")
        patterns, entries = [spec["token"]], [None]
    key = {"existence": "tokens", "substitution": "swap", "consistency": "either", "occurrence": "token"}[kind]
    context = {k: spec.get(k) or "" for k in CONTEXT_KEYS}
    compile_args = (patterns, spec["ignore-case"], err, key, context)
    return type(_class_name(spec["code"]), (DataRule,), {
        "__doc__": _documentation(spec, source),
        "__module__": __name__,
        "code": spec["code"], "name": spec["name"], "family": spec["family"], "severity": spec["severity"],
        "enabled_by_default": spec["enabled"], "fixable": kind == "substitution" and spec["fix"],
        "spec": spec, "source": source, "_entries": entries, "_compile_args": compile_args,
        "_recipe": (table, source, where, defaults),
        "_compiled": _compile(*compile_args) if compile_now else None,
    })


def _reduce_class(cls):
    if "_recipe" not in cls.__dict__:
        return cls.__qualname__  # DataRule itself: by name
    return _rebuild, (*cls._recipe, cls.plugin)


def _rebuild(table, source, where, defaults, plugin):
    cls = _build(table, source, where, defaults, compile_now=False)
    cls.plugin = plugin
    return cls


copyreg.pickle(DataRuleType, _reduce_class)


def _compile(patterns: list[str], ignore_case: bool, err: Callable[[str, str], ConfigError], key: str,
             context: dict[str, str] | None = None):
    """One alternation ``(?<!\\w)(?:(p1)|(p2)|...)(?!\\w)``, with the context lookarounds;
    each entry's groups map back to it."""
    import regex

    flags = regex.IGNORECASE if ignore_case else 0
    context = context or {}
    for name, p in context.items():
        if p:
            try:
                regex.compile(p, flags)
            except regex.error as exc:
                raise err(name, f"bad pattern {p!r}: {exc}") from None
            _refuse_backtracking(p, err, name)
    head = r"(?<!\w)"
    if context.get("before"):
        head += f"(?<=(?:{context['before']}))"
    if context.get("not-before"):
        head += f"(?<!(?:{context['not-before']}))"
    tail = r"(?!\w)"
    if context.get("after"):
        tail += f"(?=(?:{context['after']}))"
    if context.get("not-after"):
        tail += f"(?!(?:{context['not-after']}))"
    parts, group_entry = [], {}
    group = 1 + regex.compile(head, flags).groups
    for i, p in enumerate(patterns):
        try:
            inner = regex.compile(p, flags).groups
        except regex.error as exc:
            raise err(key, f"bad pattern {p!r}: {exc}") from None
        _refuse_backtracking(p, err, key)
        for g in range(group, group + inner + 1):
            group_entry[g] = i
        group += inner + 1
        parts.append(f"({p})")
    return regex.compile(head + "(?:" + "|".join(parts) + ")" + tail, flags), group_entry


def _refuse_backtracking(pattern: str, err: Callable[[str, str], ConfigError], key: str) -> None:
    risk = backtracking_risk(pattern)
    if risk:
        raise err(key, f"pattern '{pattern}' refused: {risk}")


def _class_name(code: str) -> str:
    return f"DataRule_{code}"


def _documentation(spec: dict[str, Any], source: str) -> str:
    kind = spec["kind"]
    if kind == "existence":
        listing = ", ".join(f'"{t}"' for t in spec["tokens"][:8])
        auto = f"Reports {listing}{' ...' if len(spec['tokens']) > 8 else ''}."
    elif kind == "substitution":
        listing = "; ".join(f'"{k}" -> "{v}"' for k, v in list(spec["swap"].items())[:8])
        auto = f"Reports a form and suggests another: {listing}{' ...' if len(spec['swap']) > 8 else ''}."
    elif kind == "consistency":
        listing = "; ".join(f'"{k}" / "{v}"' for k, v in spec["either"].items())
        auto = f"An article uses one form of each pair; the form used first sets it: {listing}."
    else:
        auto = f'Reports a {spec["per"]} with more than {spec["max"]} matches of "{spec["token"]}".'
    where = "in quoted speech too" if spec["quotes"] else "outside quoted speech"
    summary = spec["summary"] or (auto if len(auto) <= 100 else auto[:96].rsplit(" ", 1)[0] + " ...")
    return "\n".join([
        summary, "",
        "## What it does",
        f"{spec['description'] or auto} Scope: {', '.join(spec['scope'])}, {where}"
        f"{', ignoring case' if spec['ignore-case'] else ''}. {'An' if kind[0] in 'aeiou' else 'A'} {kind} rule defined as data in {source}.", "",
        "## Why is this bad?", spec["why"] or "House style.", "",
        "## Example", spec["example"] or "(none given)", "",
        "## Use instead", spec["instead"] or "(none given)", "",
        "## Known false positives", spec["false-positives"] or "(none noted)",
    ])


# -- from the configuration ------------------------------------------------------------------


def config_rules(tables: Iterable[Any], files: Iterable[Any], root: str, source: str,
                 where: str = "") -> list[type[Rule]]:
    """The data rules a configuration defines: ``data-rules`` (inline rule tables) and
    ``data-rule-files`` (paths relative to the configuration file)."""
    prefix = f"{where} " if where else ""
    rules = build_rules(tables, source, f"{prefix}data-rules".strip())
    for item in files:
        if not isinstance(item, str):
            raise ConfigError(f"{source}: {prefix}'data-rule-files': expected paths, got {item!r}")
        path = os.path.join(root, item)
        if not os.path.isfile(path):
            raise ConfigError(f"{source}: {prefix}'data-rule-files': file not found: {path}")
        rules.extend(load_rule_file(path))
    return rules
