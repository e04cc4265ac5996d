"""The plugin module named by the ``newslint`` entry point: it ships its rules as a data file
and hands them to newslint's rules-as-data loader, so no rule here is Python. The patterns
are compiled only when an AP rule runs: registering them costs parsing a small TOML file."""

import os

import newslint

RULES_FILE = os.path.join(os.path.dirname(__file__), "ap.toml")


@newslint.hookimpl
def newslint_rules():
    from newslint.datarules import load_rule_file

    return load_rule_file(RULES_FILE, compile_now=False)  # compiled when a rule first runs
