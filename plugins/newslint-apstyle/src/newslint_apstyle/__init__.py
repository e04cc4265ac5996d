"""newslint-apstyle: AP-style rules (AP001-AP006), written as data in ap.toml."""

__version__ = "0.1.0"
