"""The Language Server: the engine's diagnostics, fixes and rule documentation, in the editor.

One ``Linter`` serves every request, so the rule tables load once per server (and again only
when the configuration changes). Each request lints the document's current text: linting
after the first is fast, and nothing the editor shows can refer to a stale version.
"""

from __future__ import annotations

import asyncio
import logging
import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..engine import FileResult, Linter
from ..errors import NewslintError
from ..parse import LINTABLE_SUFFIXES
from ..rule import Diagnostic, Fix, Rule
from .positions import Utf16Positions

log = logging.getLogger(__name__)

# Typing a paragraph should not lint it once a keystroke: a change is linted once the
# writer pauses this long.
DEBOUNCE_SECONDS = 0.3
CONFIG_NAMES = ("newslint.toml", "pyproject.toml")
ADD_TO_VOCABULARY = "newslint.addToVocabulary"
LANGUAGE_FORMATS = {"markdown": ".md", "plaintext": ".txt"}
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}


class NewslintServer(LanguageServer):
    """A LanguageServer that owns one Linter and the debounce timer of each document."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter: Linter | None = None
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.shown: set[str] = set()  # messages shown to the user already (each once)

    # -- the engine ---------------------------------------------------------------------
    def current_linter(self) -> Linter:
        """The Linter, built on first use: plugins load as in the CLI; a plugin that fails is
        shown, and the built-in rules still run."""
        if self.linter is None:
            from ..plugins import load_plugins

            try:
                registry = load_plugins()
            except NewslintError as exc:
                self.show_once(f"{exc}; linting with the built-in rules only", types.MessageType.Error)
                registry = load_plugins(load_entry_points=False)
            self.linter = Linter(registry)
        return self.linter

    def reload_configuration(self) -> None:
        """Forget the configuration read (and the tables loaded under it) and re-lint every open document."""
        self.linter = None
        self.shown.clear()
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def lint(self, uri: str) -> tuple[FileResult, Utf16Positions] | None:
        """The engine's result on the document's current text, or None for a document that
        is not Markdown or plain text."""
        document = self.workspace.get_text_document(uri)
        path = self.path_of(uri, document.language_id)
        if path is None:
            return None
        text = document.source
        result = self.current_linter().lint_text(text, path)
        if result.error:
            self.show_once(result.error, types.MessageType.Error)
        for fault in result.faults:
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, fault))
        return result, Utf16Positions(text)

    def path_of(self, uri: str, language_id: str | None) -> str | None:
        """The path the document is linted as: its file, or for an unsaved one a name in the
        workspace whose suffix gives its format (the configuration is found from it)."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None and path.lower().endswith(LINTABLE_SUFFIXES):
            return path
        suffix = LANGUAGE_FORMATS.get(language_id or "")
        if suffix is None:
            return None
        if path is not None:
            return path + suffix
        root = self.workspace.root_path or os.getcwd()
        return os.path.join(root, "untitled" + suffix)

    def show_once(self, message: str, kind: types.MessageType) -> None:
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(types.ShowMessageParams(kind, f"newslint: {message}"))

    # -- diagnostics --------------------------------------------------------------------
    def publish(self, uri: str) -> None:
        """Lint the document and publish its diagnostics; a document the engine cannot
        handle is logged and gets none, and the server goes on."""
        self.pending.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return  # closed while waiting
        try:
            linted = self.lint(uri)
        except Exception as exc:  # noqa: BLE001 - one document must never stop the server
            log.exception("linting %s failed", uri)
            self.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                           f"newslint: linting {uri} failed: {exc!r}"))
            linted = None
        if linted is None:
            return
        result, positions = linted
        diagnostics = [self.lsp_diagnostic(d, positions) for d in result.diagnostics]
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def publish_later(self, uri: str) -> None:
        """Publish once the writer has paused for ``DEBOUNCE_SECONDS``."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, self.publish, uri)

    def lsp_diagnostic(self, diagnostic: Diagnostic, positions: Utf16Positions) -> types.Diagnostic:
        rule = self.rule_class(diagnostic.code, diagnostic.path)
        source = rule.source_file() if rule is not None else None
        return types.Diagnostic(
            range=lsp_range(positions, diagnostic.start, diagnostic.end),
            message=diagnostic.message,
            severity=SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
            code=diagnostic.code,
            code_description=types.CodeDescription(href=from_fs_path(source)) if source else None,
            source="newslint",
        )

    def rule_class(self, code: str, path: str) -> type[Rule] | None:
        try:
            return self.current_linter().composition_for(path).registry.rules.get(code)
        except NewslintError:
            return None

    # -- code actions and hover -----------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = self.lint(uri)
        if linted is None:
            return []
        result, positions = linted
        wanted_start = positions.offset(params.range.start.line, params.range.start.character)
        wanted_end = positions.offset(params.range.end.line, params.range.end.character)
        actions = []
        for diagnostic in result.diagnostics:
            if diagnostic.end < wanted_start or diagnostic.start > wanted_end:
                continue
            shown = self.lsp_diagnostic(diagnostic, positions)
            if diagnostic.fix is not None:
                actions.append(fix_action(uri, diagnostic, diagnostic.fix, shown, positions))
            actions.append(suppress_action(uri, diagnostic, shown, positions))
            vocabulary = self.vocabulary_for(diagnostic.code, diagnostic.path)
            if vocabulary is not None:
                title = f"Add \"{diagnostic.text}\" to the vocabulary ({os.path.basename(vocabulary)})"
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown],
                    command=types.Command(title=title, command=ADD_TO_VOCABULARY,
                                          arguments=[uri, diagnostic.code, diagnostic.text])))
        return actions

    def vocabulary_for(self, code: str, path: str) -> str | None:
        """The vocabulary file configured for ``path`` and the spelling rule ``code`` (None
        when the rule reports no words or no vocabulary file is configured)."""
        linter = self.current_linter()
        try:
            composition = linter.composition_for(path)
        except NewslintError:
            return None
        rule = composition.registry.rules.get(code)
        if rule is None or not rule.reports_words:
            return None
        return composition.options_for(code, linter.overrides).get("vocabulary")

    def add_to_vocabulary(self, uri: str, code: str, word: str) -> None:
        """Append ``word`` to the vocabulary file configured for the document (never another
        file, whatever the client sends), then re-lint with it."""
        if not word or word != word.strip() or any(c.isspace() for c in word) or word[0] in "#/":
            raise ValueError(f"not a word a vocabulary file can hold: {word!r}")
        document = self.workspace.get_text_document(uri)
        path = self.path_of(uri, document.language_id)
        vocabulary = self.vocabulary_for(code, path) if path else None
        if vocabulary is None:
            raise ValueError(f"no vocabulary file is configured for {code} in {uri}")
        with open(vocabulary, "rb") as existing:
            size = existing.seek(0, os.SEEK_END)
            existing.seek(max(size - 1, 0))
            last = existing.read(1) or b"\n"  # an empty file needs no line end before the word
        with open(vocabulary, "ab") as appended:  # appending never loses what is there
            appended.write((b"" if last == b"\n" else b"\n") + word.encode("utf-8") + b"\n")
        self.reload_configuration()

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        linted = self.lint(uri)
        if linted is None:
            return None
        result, positions = linted
        offset = positions.offset(params.position.line, params.position.character)
        for diagnostic in result.diagnostics:
            if diagnostic.start <= offset <= diagnostic.end:
                rule = self.rule_class(diagnostic.code, diagnostic.path)
                if rule is not None:
                    return types.Hover(
                        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=rule_markdown(rule)),
                        range=lsp_range(positions, diagnostic.start, diagnostic.end),
                    )
        return None


def lsp_range(positions: Utf16Positions, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(*positions.position(start)), end=types.Position(*positions.position(end)))


def fix_action(uri: str, diagnostic: Diagnostic, fix: Fix, shown: types.Diagnostic,
               positions: Utf16Positions) -> types.CodeAction:
    """A fix as a quick fix; an unsafe one (it may change the meaning) says so in its title
    and is never the preferred action."""
    edits = [types.TextEdit(range=lsp_range(positions, e.start, e.end), new_text=e.content) for e in fix.edits]
    label = f"{fix.message} ({diagnostic.code})"
    return types.CodeAction(
        title=label if fix.safe else f"Unsafe fix, may change the meaning: {label}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        is_preferred=fix.safe,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def suppress_action(uri: str, diagnostic: Diagnostic, shown: types.Diagnostic,
                    positions: Utf16Positions) -> types.CodeAction:
    """The project's suppression comment on a line of its own above the finding's line."""
    line, _ = positions.position(diagnostic.start)
    line_start = positions.line_starts[line]
    line_text = positions.text[line_start:diagnostic.start]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    comment = f"{indent}<!-- newslint: disable-next-line {diagnostic.code} -->\n"
    at = types.Position(line, 0)
    return types.CodeAction(
        title=f"Suppress {diagnostic.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(at, at), new_text=comment)]}),
    )


def rule_markdown(rule: type[Rule]) -> str:
    """The rule's documentation, as ``newslint rule CODE`` prints it."""
    title, _, body = rule.documentation().partition("\n")
    lines = [f"**{rule.code} {rule.name}**: {title}", "", rule.facts()]
    if rule.options:
        lines += ["", f"Options (`[tool.newslint.rules.{rule.code}]`):"]
        lines += [f"- `{name} = {default!r}`" for name, default in rule.options.items()]
    lines += ["", body.strip()]
    return "\n".join(lines)


def build_server() -> NewslintServer:
    """The server with its features registered."""
    server = NewslintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith(tuple("/" + name for name in CONFIG_NAMES)):
            ls.reload_configuration()
        else:
            ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        waiting = ls.pending.pop(params.text_document.uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith(tuple("/" + name for name in CONFIG_NAMES)) for change in params.changes):
            ls.reload_configuration()

    @server.feature(types.INITIALIZED)
    def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        """Ask the client to tell us when a configuration file changes, where it can."""
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="newslint-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.command(ADD_TO_VOCABULARY)
    def add_to_vocabulary(ls: NewslintServer, uri: str, code: str, word: str) -> None:
        ls.add_to_vocabulary(uri, code, word)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server
