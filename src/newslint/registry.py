"""The rule registry: every known rule class by code, with lookups by name and prefix.

A code prefix belongs to one plugin (flake8's rule): a clash is a PluginError naming both.
"""

from __future__ import annotations

from typing import Iterable

from .errors import PluginError
from .rule import CODE_RE, Rule, validate_rule

BUILTIN = "newslint"


def prefix_of(code: str) -> str:
    m = CODE_RE.match(code)
    return m.group(1) if m else code


class Registry:
    """Every known rule class by code, with lookups by name and prefix."""

    def __init__(self) -> None:
        self.rules: dict[str, type[Rule]] = {}
        self.by_name: dict[str, str] = {}
        self.prefix_owner: dict[str, str] = {}
        self.plugins: dict[str, str] = {}  # plugin name -> its version or "built-in"

    def add(self, plugin: str, rules: Iterable[type[Rule]]) -> None:
        for rule in rules:
            problems = validate_rule(rule)
            if problems:
                raise PluginError(f"plugin '{plugin}': " + "; ".join(problems))
            prefix = prefix_of(rule.code)
            owner = self.prefix_owner.setdefault(prefix, plugin)
            if owner != plugin:
                raise PluginError(
                    f"plugins '{owner}' and '{plugin}' both claim the code prefix '{prefix}' "
                    f"({rule.code}); uninstall one of them"
                )
            if rule.code in self.rules:
                raise PluginError(f"plugin '{plugin}': rule code {rule.code} is registered twice")
            if rule.name in self.by_name:
                other = self.by_name[rule.name]
                raise PluginError(f"plugin '{plugin}': rule name '{rule.name}' of {rule.code} is already used by {other}")
            rule.plugin = plugin
            self.rules[rule.code] = rule
            self.by_name[rule.name] = rule.code
        self.rules = dict(sorted(self.rules.items()))

    def extended(self, plugin: str, rules: Iterable[type[Rule]]) -> Registry:
        """A copy of this registry with more rules (a configuration's data rules) from ``plugin``."""
        new = Registry()
        new.rules, new.by_name = dict(self.rules), dict(self.by_name)
        new.prefix_owner, new.plugins = dict(self.prefix_owner), {**self.plugins, plugin: "data rules"}
        new.add(plugin, rules)
        return new

    def resolve(self, selector: str) -> list[str]:
        """Codes matched by a selector: ``ALL``, a code, a code prefix (``TYP``, ``TYP00``) or a rule name."""
        if selector == "ALL":
            return list(self.rules)
        if selector in self.by_name:
            return [self.by_name[selector]]
        upper = selector.upper()
        return [code for code in self.rules if code.startswith(upper)] if upper == selector else []

    def is_known_selector(self, selector: str) -> bool:
        return bool(self.resolve(selector)) or selector in self.prefix_owner

    def specificity(self, selector: str) -> int:
        """How specific a selector is: the most specific one wins (ruff's rule)."""
        if selector == "ALL":
            return 0
        if selector in self.by_name or selector in self.rules:
            return 100
        return len(selector)

    def rule_named(self, selector: str) -> str | None:
        """The code of the one rule a code or name selects, or None."""
        codes = self.resolve(selector)
        if len(codes) == 1 and selector in (codes[0], self.rules[codes[0]].name):
            return codes[0]
        return None
