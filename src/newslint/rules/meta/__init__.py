"""Rules about newslint itself (NL): reported by the engine, not by reading the text.

One module a rule.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .nl100_unused_suppression import UnusedSuppression

    return [UnusedSuppression]
