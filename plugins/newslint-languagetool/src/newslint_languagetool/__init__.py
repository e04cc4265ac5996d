"""newslint-languagetool: LanguageTool's grammar and style checks as newslint diagnostics (LT001)."""

__version__ = "0.1.0"
