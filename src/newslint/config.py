"""Configuration: ``newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``.

The closest configuration file above each linted file applies (ruff's rule), or the one
given with ``--config``. Unknown keys and bad values are ConfigErrors naming the key.
Rule selection follows ruff: the most specific selector wins (``--select TYP --ignore
TYP003`` keeps every TYP rule but TYP003; ``--select TYP003 --ignore TYP`` keeps TYP003).
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .plugins import Registry
from .rule import SEVERITIES, Rule

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".*", "node_modules", "_site", "venv", "__pycache__")
KEYS = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "per-file-ignores": dict,
    "severity": dict,
    "rules": dict,
    "accept": list,
    "reject": list,
    "vocabulary": str,
    "exclude": list,
    "data-rules": list,  # rules as data (datarules.py): inline rule tables
    "data-rule-files": list,  # ... and TOML/YAML files of them
}


@dataclass
class Settings:
    """One configuration file's settings, validated. ``root`` anchors relative paths."""

    root: str
    source: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> options
    accept: list[str] = field(default_factory=list)  # words the spelling rules accept
    reject: list[str] = field(default_factory=list)  # words the spelling rules always report
    vocabulary: str | None = None  # a file of more accepted words
    exclude: list[str] = field(default_factory=list)
    registry: Registry | None = None  # the rules known here, when the file defines data rules


@dataclass
class Overrides:
    """Selection and rule options given on the command line; they apply on top of every
    configuration file."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # CODE -> option -> value


def _load_toml(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8") from None


def _newslint_table(path: str, data: dict[str, Any]) -> dict[str, Any] | None:
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("newslint") if isinstance(tool, dict) else None
    return data


def load_settings(path: str, registry: Registry) -> Settings:
    """Read and validate one configuration file."""
    path = os.path.abspath(path)
    table = _newslint_table(path, _load_toml(path))
    where = "[tool.newslint]" if path.endswith("pyproject.toml") else ""
    settings = Settings(root=os.path.dirname(path), source=path)
    if table is None:
        if where:
            raise ConfigError(f"{path}: no [tool.newslint] table")
        return settings
    return validate(table, settings, registry, where)


def validate(table: dict[str, Any], settings: Settings, registry: Registry, where: str = "") -> Settings:
    src = settings.source or "<config>"

    def err(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{src}: {where + ' ' if where else ''}'{key}': {problem}")

    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise err(key, f"unknown key (known keys: {known})")
        if not isinstance(value, KEYS[key]):
            raise err(key, f"expected a {_type_name(KEYS[key])}, got {_type_name(type(value))}")
    for key in ("select", "extend-select", "ignore", "accept", "reject", "exclude"):
        for item in table.get(key, []):
            if not isinstance(item, str):
                raise err(key, f"expected strings, got {item!r}")
    if "data-rules" in table or "data-rule-files" in table:
        registry = settings.registry = _with_data_rules(table, settings, registry, where)
    for key in ("select", "extend-select", "ignore"):
        for selector in table.get(key, []):
            if not registry.is_known_selector(selector):
                raise err(key, f"unknown rule, prefix or name '{selector}'")
    settings.select = table.get("select")
    settings.extend_select = table.get("extend-select", [])
    settings.ignore = table.get("ignore", [])
    settings.accept = table.get("accept", [])
    settings.reject = table.get("reject", [])
    settings.exclude = table.get("exclude", [])
    for pattern, selectors in table.get("per-file-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise err("per-file-ignores", f"'{pattern}' must map to a list of rule codes")
        for selector in selectors:
            if not registry.is_known_selector(selector):
                raise err("per-file-ignores", f"unknown rule, prefix or name '{selector}'")
        settings.per_file_ignores[pattern] = selectors
    for selector, level in table.get("severity", {}).items():
        if not registry.is_known_selector(selector):
            raise err("severity", f"unknown rule, prefix or name '{selector}'")
        if level not in SEVERITIES:
            raise err("severity", f"'{selector}' = {level!r}: expected one of {', '.join(SEVERITIES)}")
        settings.severity[selector] = level
    for selector, options in table.get("rules", {}).items():
        codes = registry.resolve(selector)
        if len(codes) != 1 or selector not in (codes[0], registry.rules[codes[0]].name):
            raise err("rules", f"'{selector}' is not a rule code or name")
        if not isinstance(options, dict):
            raise err("rules", f"'{selector}' must be a table of options")
        settings.rules[codes[0]] = _validate_options(registry.rules[codes[0]], options, err)
    if "vocabulary" in table:
        vocabulary = os.path.join(settings.root, table["vocabulary"])
        if not os.path.isfile(vocabulary):
            raise err("vocabulary", f"file not found: {vocabulary}")
        settings.vocabulary = vocabulary
    return settings


def _with_data_rules(table: dict[str, Any], settings: Settings, registry: Registry, where: str) -> Registry:
    from .datarules import config_rules
    from .errors import PluginError

    src = settings.source or "<config>"
    rules = config_rules(table, settings.root, src, where)
    try:
        return registry.extended(os.path.basename(src), rules)
    except PluginError as exc:
        raise ConfigError(f"{src}: {where + ' ' if where else ''}'data-rules': {exc}") from None


def _validate_options(rule: type[Rule], options: dict[str, Any], err) -> dict[str, Any]:
    for name, value in options.items():
        if name not in rule.options:
            known = ", ".join(rule.options) or "none"
            raise err("rules", f"{rule.code} has no option '{name}' (options: {known})")
        default = rule.options[name]
        expected = float if isinstance(default, float) else type(default)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            raise err("rules", f"{rule.code}.{name}: expected a {_type_name(expected)}, got {value!r}")
    return dict(options)


def _type_name(t: type) -> str:
    return {list: "list", dict: "table", str: "string", int: "integer", float: "number", bool: "boolean"}.get(
        t, t.__name__
    )


_FOUND: dict[str, str | None] = {}


def find_config(directory: str) -> str | None:
    """The closest configuration file at or above ``directory`` (cached per directory)."""
    directory = os.path.abspath(directory)
    seen = []
    path: str | None = None
    d = directory
    while True:
        if d in _FOUND:
            path = _FOUND[d]
            break
        seen.append(d)
        path = _config_in(d)
        if path is not None:
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    for s in seen:
        _FOUND[s] = path
    return path


def _config_in(directory: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            if name != "pyproject.toml":
                return candidate
            try:
                with open(candidate, "rb") as f:
                    if b"[tool.newslint" in f.read():
                        return candidate
            except OSError:
                continue
    return None


def _specificity(selector: str, registry: Registry) -> int:
    if selector == "ALL":
        return 0
    if selector in registry.by_name or selector in registry.rules:
        return 100
    return len(selector)


def select_rules(settings: Settings, overrides: Overrides, registry: Registry, path: str | None) -> dict[str, str]:
    """The enabled rules for a file, as code -> effective severity."""
    chosen: dict[str, int] = {}
    ignored: dict[str, int] = {}

    def mark(target: dict[str, int], selectors: list[str]) -> None:
        for selector in selectors:
            weight = _specificity(selector, registry)
            for code in registry.resolve(selector):
                target[code] = max(target.get(code, -1), weight)

    base = overrides.select if overrides.select is not None else settings.select
    if base is None:
        for code, rule in registry.rules.items():
            if rule.enabled_by_default:
                chosen[code] = 0
    else:
        mark(chosen, base)
    mark(chosen, settings.extend_select + overrides.extend_select)
    mark(ignored, settings.ignore + overrides.ignore + per_file_ignores(settings, path))

    enabled = {}
    for code, weight in chosen.items():
        if weight > ignored.get(code, -1):
            enabled[code] = _severity(code, settings, registry)
    return enabled


def per_file_ignores(settings: Settings, path: str | None) -> list[str]:
    if not settings.per_file_ignores or not path:
        return []
    rel = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
    base = os.path.basename(path)
    out = []
    for pattern, selectors in settings.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or ("/" not in pattern and fnmatch.fnmatch(base, pattern)):
            out.extend(selectors)
    return out


def _severity(code: str, settings: Settings, registry: Registry) -> str:
    best, level = -1, registry.rules[code].severity
    for selector, value in settings.severity.items():
        if code in registry.resolve(selector):
            weight = _specificity(selector, registry)
            if weight > best:
                best, level = weight, value
    return level


def is_excluded(path: str, settings: Settings) -> bool:
    """Whether a path met while walking a folder is skipped (hidden folders, node_modules, ...)."""
    name = os.path.basename(path.rstrip(os.sep))
    rel = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
    for pattern in DEFAULT_EXCLUDE + tuple(settings.exclude):
        if "/" in pattern:  # a path pattern, relative to the configuration file's folder
            if not rel.startswith("../") and fnmatch.fnmatch(rel, pattern):
                return True
        elif fnmatch.fnmatch(name, pattern):
            return True
    return False
