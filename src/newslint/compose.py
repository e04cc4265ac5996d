"""The composition step: from a registry and one configuration file to the rules that run.

``Composition`` is where configuration meets rules, and the only place: it adds the file's
data rules to the registry, checks every selector and rule option the file names (messages
name the file and key, as a configuration error must), and picks, for each linted path,
the enabled rules with their severities and their own options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .config import Overrides, Settings, per_file_ignores, type_name
from .errors import ConfigError, PluginError
from .registry import Registry
from .rule import Rule


@dataclass(frozen=True)
class Composition:
    """One configuration file's rules: the registry with its data rules, and each rule's
    options as the file sets them (validated against what the rule declares)."""

    settings: Settings
    registry: Registry
    options: dict[str, dict[str, Any]]  # code -> options set in the file (shared keys included)

    def enabled(self, overrides: Overrides, path: str | None) -> dict[str, str]:
        """The enabled rules for a file, as code -> effective severity."""
        registry, settings = self.registry, self.settings
        chosen: dict[str, int] = {}
        ignored: dict[str, int] = {}

        def mark(target: dict[str, int], selectors) -> None:
            for selector in selectors:
                weight = registry.specificity(selector)
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
        mark(ignored, settings.ignore + overrides.ignore + tuple(per_file_ignores(settings, path)))
        return {code: self.severity(code) for code, weight in chosen.items() if weight > ignored.get(code, -1)}

    def severity(self, code: str) -> str:
        best, level = -1, self.registry.rules[code].severity
        for selector, value in self.settings.severity:
            if code in self.registry.resolve(selector):
                weight = self.registry.specificity(selector)
                if weight > best:
                    best, level = weight, value
        return level

    def options_for(self, code: str, overrides: Overrides) -> dict[str, Any]:
        """Rule ``code``'s own options: the file's, then the command line's."""
        return {**self.options.get(code, {}), **overrides.options_for(code)}


def compose(settings: Settings, registry: Registry) -> Composition:
    """Check ``settings`` against the rules and build its ``Composition``; ConfigError if wrong."""
    if settings.data_rules or settings.data_rule_files:
        registry = _with_data_rules(settings, registry)
    for key, selector in settings.selectors:
        if not registry.is_known_selector(selector):
            raise settings.error(key, f"unknown rule, prefix or name '{selector}'")
    for selector, _ in settings.severity:
        if not registry.is_known_selector(selector):
            raise settings.error("severity", f"unknown rule, prefix or name '{selector}'")
    options: dict[str, dict[str, Any]] = {}
    shared = dict(settings.shared)
    if shared:
        for code, rule in registry.rules.items():
            given = {name: list(value) if isinstance(value, tuple) else value
                     for name, value in shared.items() if name in rule.options}
            if given:
                options[code] = given
    for selector, table in settings.rules:
        code = registry.rule_named(selector)
        if code is None:
            raise settings.error("rules", f"'{selector}' is not a rule code or name")
        rule = registry.rules[code]
        given = validate_options(rule, table, settings.error)
        for name in rule.path_options:  # a file an option names is relative to the configuration
            if given.get(name):
                given[name] = os.path.join(settings.root, given[name])
        options[code] = {**options.get(code, {}), **given}
    return Composition(settings, registry, options)


def _with_data_rules(settings: Settings, registry: Registry) -> Registry:
    from .datarules import config_rules

    src = settings.source or "<config>"
    rules = config_rules(settings.data_rules, settings.data_rule_files, settings.root, src, settings.where)
    try:
        return registry.extended(os.path.basename(src), rules)
    except PluginError as exc:
        raise ConfigError(f"{src}: {settings.where + ' ' if settings.where else ''}'data-rules': {exc}") from None


def validate_options(rule: type[Rule], options: dict[str, Any], err) -> dict[str, Any]:
    """``options`` checked against the names and types of ``rule.options``' defaults."""
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
            raise err("rules", f"{rule.code}.{name}: expected a {type_name(expected)}, got {value!r}")
    return dict(options)
