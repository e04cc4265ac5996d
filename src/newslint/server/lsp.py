"""The Language Server: the engine's diagnostics, fixes and rule documentation, in the editor.

One server loads the plugins once and keeps one ``Linter``, so the rule tables load once (and
again only when the configuration changes). A document is linted once per text: diagnostics,
code actions and hover all read that one result, so they never disagree, and a hover or a
cursor move costs no lint.
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.exceptions import FeatureRequestError, JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..config import CONFIG_NAMES, Overrides, settings_from_table
from ..engine import FileResult, Linter
from ..errors import ConfigError, NewslintError
from ..parse import LINTABLE_SUFFIXES
from ..registry import Registry
from ..rule import Diagnostic, Rule
from .positions import Utf16Positions

log = logging.getLogger(__name__)

# Typing a paragraph should not lint it once a keystroke: a change is linted once the
# writer pauses this long.
DEBOUNCE_SECONDS = 0.3
ADD_TO_VOCABULARY = "newslint.addToVocabulary"
# A document that is not a .md, .markdown or .txt file is linted by its language, as this suffix.
LANGUAGE_FORMATS = {"markdown": ".md", "plaintext": ".txt", "text": ".txt"}
SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
# The editor's settings: the section asked for with workspace/configuration, and its keys
# (the command line's --select, --extend-select, --ignore and --config).
SETTINGS_SECTION = "newslint"
SETTINGS_KEYS = ("select", "extend-select", "ignore", "configuration")


@dataclass(frozen=True)
class EditorSettings:
    """What the editor's settings change: selectors over every configuration file, as the
    command line's, and the configuration file to use instead of the closest one."""

    overrides: Overrides = Overrides()
    config_file: str | None = None


def editor_settings(table: Any, root: str) -> EditorSettings:
    """The editor's ``newslint`` settings, checked; ConfigError saying what is wrong. Keys are
    spelled as in newslint.toml (``extendSelect`` is accepted too, as editors spell settings)."""
    if not table:
        return EditorSettings()
    if not isinstance(table, dict):
        raise ConfigError(f"editor settings: expected an object of settings, got {table!r}")
    table = {"extend-select" if key == "extendSelect" else key: value for key, value in table.items()}
    unknown = sorted(set(table) - set(SETTINGS_KEYS))
    if unknown:
        raise ConfigError(f"editor settings: unknown key {unknown[0]!r} (known keys: {', '.join(SETTINGS_KEYS)})")
    configuration = table.pop("configuration", None) or None
    if configuration is not None and not isinstance(configuration, str):
        raise ConfigError(f"editor settings: 'configuration': expected the path of a file, got {configuration!r}")
    selection = settings_from_table(table, root, source="editor settings")  # lists of strings, as in the files
    return EditorSettings(
        Overrides(select=selection.select, extend_select=selection.extend_select, ignore=selection.ignore),
        os.path.abspath(os.path.join(root, os.path.expandvars(os.path.expanduser(configuration))))
        if configuration else None)


@dataclass(frozen=True)
class Linted:
    """One lint of one text: the engine's result, and its diagnostics as the editor sees them."""

    result: FileResult
    positions: Utf16Positions
    diagnostics: list[types.Diagnostic]  # in the order of result.diagnostics
    result_id: str  # names this result to a client that pulls diagnostics


class NewslintProtocol(LanguageServerProtocol):
    """pygls's protocol, except that a request whose parameters are malformed is answered with
    the error (pygls logs it and leaves the client waiting for an answer that never comes)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "method" in data and "id" in data:
                self._send_response(data["id"], error=error.to_response_error())
            raise


class NewslintServer(LanguageServer):
    """A LanguageServer that owns the plugins, one Linter, the editor's settings and the last
    lint of each open document."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=NewslintProtocol)
        self.registry: Registry | None = None
        self.linter: Linter | None = None
        self.initialization_options: Any = None
        self.editor = EditorSettings()
        self.linted: dict[str, Linted] = {}
        self.lints = 0  # how many texts were linted: each result's id
        self.pending: dict[str, asyncio.TimerHandle] = {}  # push: the lint waiting for a pause
        self.changed_at: dict[str, float] = {}  # pull: when each document last changed (loop time)
        self.shown: set[str] = set()  # messages shown to the user already (each once)
        self.doc_links: dict[type[Rule], str | None] = {}

    # -- the engine ---------------------------------------------------------------------
    def current_linter(self) -> Linter:
        """The Linter, built on first use and after a configuration change. Plugins load once,
        as in the CLI; a plugin that fails is shown, and the built-in rules still run."""
        if self.registry is None:
            from ..plugins import load_plugins

            try:
                self.registry = load_plugins()
            except NewslintError as exc:
                self.show_once(f"{exc}; linting with the built-in rules only")
                self.registry = load_plugins(load_entry_points=False)
        if self.linter is None:
            self.linter = Linter(self.registry, self.editor.overrides, self.editor.config_file)
        return self.linter

    def reload_configuration(self) -> None:
        """Forget the configuration read (and the tables loaded under it) and lint every open
        document again: published, or asked for again where the client pulls diagnostics."""
        self.linter = None
        self.linted.clear()
        self.doc_links.clear()
        self.shown.clear()
        if self.pulls_diagnostics:
            workspace = self.client_capabilities.workspace
            if workspace and workspace.diagnostics and workspace.diagnostics.refresh_support:
                self.workspace_diagnostic_refresh(None)
            return
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def lint(self, uri: str) -> Linted | None:
        """The lint of the document's current text (None for a document that is not Markdown or
        plain text, or not open in the editor), from the last one when the text is the same."""
        if uri not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(uri)
        path = self.path_of(uri, document.language_id)
        if path is None:
            return None
        text = document.source
        linted = self.linted.get(uri)
        if linted is None or linted.positions.text != text:
            result = self.run_engine(text, path)
            positions = Utf16Positions(text)
            self.lints += 1
            linted = self.linted[uri] = Linted(result, positions, [self.lsp_diagnostic(d, positions) for d in
                                                                   result.diagnostics], str(self.lints))
        return linted

    def run_engine(self, text: str, path: str) -> FileResult:
        """The engine's result for ``text`` linted as ``path``. A configuration error is shown
        once and a rule that failed is logged; a document the engine fails on is logged and gets
        no diagnostics: one document never stops the server."""
        try:
            linter = self.current_linter()
            if self.editor.overrides != Overrides():
                try:
                    linter.check_selectors(path)
                except ConfigError as exc:
                    raise ConfigError(f"editor settings: {exc}") from None
            result = linter.lint_text(text, path)
        except NewslintError as exc:
            result = FileResult(path, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - one document must never stop the server
            log.exception("linting %s failed", path)
            self.log_message(f"linting {path} failed: {exc!r}", types.MessageType.Error)
            return FileResult(path)
        if result.error:
            self.show_once(result.error)
        for fault in result.faults:
            self.log_message(fault, types.MessageType.Warning)
        return result

    def path_of(self, uri: str, language_id: str | None) -> str | None:
        """The path the document is linted as: its file, or for another one a name beside it (in
        the workspace, for an unsaved one) whose suffix gives its format and finds its configuration."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None and path.lower().endswith(LINTABLE_SUFFIXES):
            return path
        suffix = LANGUAGE_FORMATS.get(language_id or "")
        if suffix is None:
            return None
        if path is not None:
            return path + suffix
        return os.path.join(self.root(), "untitled" + suffix)

    def root(self) -> str:
        return self.workspace.root_path or os.getcwd()

    def is_configuration(self, uri: str) -> bool:
        """Whether ``uri`` is a configuration file: one the CLI would find, or the editor's."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return path is not None and (os.path.basename(path) in CONFIG_NAMES or path == self.editor.config_file)

    def show_once(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(types.ShowMessageParams(kind, f"newslint: {message}"))

    def log_message(self, message: str, kind: types.MessageType) -> None:
        self.window_log_message(types.LogMessageParams(kind, f"newslint: {message}"))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A malformed message or a failed handler is logged (pygls would show each in a pop-up);
        a failed request is answered with the error already."""
        if source is not FeatureRequestError:
            self.log_message(f"{type(error).__name__}: {error}", types.MessageType.Error)

    # -- the editor's settings ----------------------------------------------------------
    def settings_from(self, section: Any) -> EditorSettings:
        """The editor's settings: ``initializationOptions``, and over them ``section`` (what the
        client answered or pushed for the ``newslint`` section). Settings newslint cannot use are
        shown once, and none is used."""
        table = dict(self.initialization_options) if isinstance(self.initialization_options, dict) else {}
        if isinstance(section, dict):
            table.update(section)
        try:
            return editor_settings(table, self.root())
        except ConfigError as exc:
            self.show_once(f"{exc}; the editor's settings are not used")
            return EditorSettings()

    async def fetch_settings(self, pushed: Any = None) -> None:
        """Ask for the editor's settings (workspace/configuration) where the client answers it,
        else take those it pushed (workspace/didChangeConfiguration); lint again if they changed."""
        section: Any = pushed.get(SETTINGS_SECTION) if isinstance(pushed, dict) else None
        workspace = self.client_capabilities.workspace
        if workspace and workspace.configuration:
            try:
                section, = await self.workspace_configuration_async(types.ConfigurationParams(
                    items=[types.ConfigurationItem(section=SETTINGS_SECTION)]))
            except Exception as exc:  # noqa: BLE001 - a client that cannot answer leaves the files
                self.log_message(f"workspace/configuration failed: {exc!r}", types.MessageType.Warning)
        settings = self.settings_from(section)
        if settings != self.editor:
            self.editor = settings
            self.reload_configuration()

    # -- diagnostics --------------------------------------------------------------------
    @property
    def pulls_diagnostics(self) -> bool:
        """Whether the client asks for diagnostics (textDocument/diagnostic, LSP 3.17); else
        they are pushed (textDocument/publishDiagnostics), never both."""
        text_document = self.client_capabilities.text_document
        return bool(text_document and text_document.diagnostic)

    def publish(self, uri: str) -> None:
        """Push the document's diagnostics (for a client that does not pull them)."""
        self.cancel_pending(uri)  # a save while a change waits: one lint, now
        if self.pulls_diagnostics:
            return
        linted = self.lint(uri)  # None too for a document closed while its lint waited
        if linted is not None:
            version = self.workspace.get_text_document(uri).version
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics, version=version))

    def changed(self, uri: str) -> None:
        """The document changed: lint it once the writer has paused for ``DEBOUNCE_SECONDS``."""
        loop = asyncio.get_running_loop()
        self.changed_at[uri] = loop.time()
        if self.pulls_diagnostics:
            return  # the client asks; report() waits for the pause
        self.cancel_pending(uri)
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self.publish, uri)

    def cancel_pending(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

    def closed(self, uri: str) -> None:
        self.cancel_pending(uri)
        self.changed_at.pop(uri, None)
        self.linted.pop(uri, None)
        if not self.pulls_diagnostics:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def report(self, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        """The diagnostics a client pulls, once the writer has paused: the requests made while
        typing are all answered by one lint of the text as it is then."""
        uri = params.text_document.uri
        loop = asyncio.get_running_loop()
        while (wait := self.changed_at.get(uri, float("-inf")) + DEBOUNCE_SECONDS - loop.time()) > 0:
            await asyncio.sleep(wait)
        linted = self.lint(uri)
        if linted is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        if params.previous_result_id == linted.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=linted.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=linted.diagnostics, result_id=linted.result_id)

    def lsp_diagnostic(self, diagnostic: Diagnostic, positions: Utf16Positions) -> types.Diagnostic:
        rule = self.rule_class(diagnostic.code, diagnostic.path)
        link = self.doc_link(rule) if rule is not None else None
        return types.Diagnostic(
            range=lsp_range(positions, diagnostic.start, diagnostic.end),
            message=diagnostic.message,
            severity=SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
            code=diagnostic.code,
            code_description=types.CodeDescription(href=link) if link else None,
            source="newslint",
        )

    def doc_link(self, rule: type[Rule]) -> str | None:
        """The rule's documentation page, docs/rules/CODE.md of the source checkout its code is in,
        as a file URI; None where there is none (an installed package: the hover has the text)."""
        if rule not in self.doc_links:
            page = rule.in_checkout("docs", "rules", f"{rule.code}.md")
            self.doc_links[rule] = from_fs_path(page) if page else None
        return self.doc_links[rule]

    def rule_class(self, code: str, path: str) -> type[Rule] | None:
        try:
            return self.current_linter().composition_for(path).registry.rules.get(code)
        except NewslintError:
            return None

    # -- code actions and hover -----------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        only = params.context.only
        if only and not any(types.CodeActionKind.QuickFix.startswith(kind) for kind in only):
            return []  # the client asks for other kinds (source actions on save, say): quick fixes are all there is
        linted = self.lint(uri)
        if linted is None:
            return []
        positions = linted.positions
        wanted_start = positions.offset(params.range.start.line, params.range.start.character)
        wanted_end = positions.offset(params.range.end.line, params.range.end.character)
        actions = []
        for diagnostic, shown in zip(linted.result.diagnostics, linted.diagnostics):
            if diagnostic.end < wanted_start or diagnostic.start > wanted_end:
                continue
            if diagnostic.fix is not None:
                actions.append(fix_action(uri, diagnostic, shown, positions))
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
        try:
            linter = self.current_linter()
            composition = linter.composition_for(path)
        except NewslintError:
            return None
        rule = composition.registry.rules.get(code)
        if rule is None or not rule.reports_words:
            return None
        return composition.options_for(code, linter.overrides).get("vocabulary")

    def add_to_vocabulary(self, uri: str, code: str, word: str) -> None:
        """Append ``word`` to the vocabulary file configured for the document (never another
        file, whatever the client sends), then lint again with it."""
        if not isinstance(word, str) or not word or any(c.isspace() for c in word) or word[0] in "#/":
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
        """The documentation of the rule of the diagnostic under the cursor."""
        linted = self.lint(params.text_document.uri)
        if linted is None:
            return None
        offset = linted.positions.offset(params.position.line, params.position.character)
        for diagnostic, shown in zip(linted.result.diagnostics, linted.diagnostics):
            if diagnostic.start <= offset <= diagnostic.end:
                rule = self.rule_class(diagnostic.code, diagnostic.path)
                if rule is not None:
                    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                                    value=rule.page()), range=shown.range)
        return None


class ClientPipe:
    """Standard output as pygls writes to it. Once the client has closed the pipe, that is
    logged once and nothing more is written: the server ends when its input ends, quietly."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.open = True

    def write(self, data: bytes) -> None:
        if not self.open:
            return
        try:
            self.stream.write(data)
            self.stream.flush()
        except (BrokenPipeError, ConnectionResetError, ValueError):  # ValueError: the stream is closed
            self.open = False
            log.warning("the client closed the connection; writing nothing more")
            try:  # nothing left for the interpreter to flush to the closed pipe at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
            except (OSError, ValueError):
                pass

    def flush(self) -> None:
        """Every write is flushed already."""

    def close(self) -> None:
        if self.open:
            self.open = False
            try:
                self.stream.close()
            except OSError:
                pass


def lsp_range(positions: Utf16Positions, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(*positions.position(start)), end=types.Position(*positions.position(end)))


def fix_action(uri: str, diagnostic: Diagnostic, shown: types.Diagnostic,
               positions: Utf16Positions) -> types.CodeAction:
    """A fix as a quick fix; an unsafe one (it may change the meaning) says so in its title
    and is never the preferred action."""
    fix = diagnostic.fix
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
    line_text = positions.text[positions.line_starts[line]:diagnostic.start]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    at = types.Position(line, 0)
    return types.CodeAction(
        title=f"Suppress {diagnostic.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
            range=types.Range(at, at), new_text=f"{indent}<!-- newslint: disable-next-line {diagnostic.code} -->\n")]}),
    )


def build_server() -> NewslintServer:
    """The server with its features registered."""
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        ls.initialization_options = params.initialization_options
        ls.editor = ls.settings_from(None)  # in force from the first lint

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        """Ask to be told when a configuration file or the editor's settings change, where the
        client allows it, then read the editor's settings."""
        workspace = ls.client_capabilities.workspace
        registrations = []
        if workspace and workspace.did_change_watched_files and workspace.did_change_watched_files.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            registrations.append(types.Registration(
                id="newslint-configuration-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)))
        if workspace and workspace.did_change_configuration and workspace.did_change_configuration.dynamic_registration:
            registrations.append(types.Registration(id="newslint-settings",
                                                    method=types.WORKSPACE_DID_CHANGE_CONFIGURATION))
        if registrations:
            ls.client_register_capability(types.RegistrationParams(registrations=registrations))
        await ls.fetch_settings()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: NewslintServer, params: types.DidChangeConfigurationParams) -> None:
        await ls.fetch_settings(params.settings)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.is_configuration(uri):
            ls.reload_configuration()
        else:
            ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(ls.is_configuration(change.uri) for change in params.changes):
            ls.reload_configuration()

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                    types.DiagnosticOptions(identifier="newslint", inter_file_dependencies=False,
                                            workspace_diagnostics=False))
    async def diagnostic(ls: NewslintServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        return await ls.report(params)

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
