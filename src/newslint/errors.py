"""Errors a user sees as one line on stderr (exit code 2), never as a traceback."""


class NewslintError(Exception):
    """A problem with input, configuration or a plugin, reported as one line."""


class InputError(NewslintError):
    """A file that cannot be linted: missing, unreadable, binary, not UTF-8, bad front matter."""


class ConfigError(NewslintError):
    """A configuration file or option that is malformed; the message names the key."""


class PluginError(NewslintError):
    """A plugin that cannot be loaded, or two plugins that claim the same code prefix."""
