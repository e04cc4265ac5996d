"""The plugin module named by the ``newslint`` entry point. Cheap to import: the rule module
imports only newslint's rule API; language-tool-python is imported when LT001 first runs."""

import newslint


@newslint.hookimpl
def newslint_rules():
    from .rule import LanguageToolRule

    return [LanguageToolRule]
