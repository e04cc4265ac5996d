"""`newslint server` end to end: the real server process, driven by a real LSP client (pytest-lsp).

What an editor relies on: the CLI's diagnostics at the same places (in UTF-16 columns), updates
as the text changes (once per pause, not once per keystroke), quick fixes and suppressions that
do what they say, the rule's documentation on hover, a configuration change taking effect, and
a server that survives garbage.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra is installed by the test setup (make test)")
import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.uris import to_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from newslint.errors import ConfigError  # noqa: E402
from newslint.server.lsp import editor_settings  # noqa: E402
from newslint.server.positions import Utf16Positions  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="function")

ENV = dict(os.environ, NEWSLINT_DISABLE_PLUGIN_AUTOLOAD="1")
# An astral character (𝒻, two UTF-16 units) before every finding of line 3; an emoji in the title.
ARTICLE = (
    "# Floods 🌊 hit the valley\n"
    "\n"
    "The 𝒻lood killed 27 people on Tuesday. Teh river rose the the fastest in a decade.\n"
    "\n"
    "Emergency crews said.They would stay with theSyrian army.\n"
)
WAIT = 20  # seconds: a generous cap for a slow, shared machine, never a measurement


class CountingDiagnostics(dict):
    """The client's latest diagnostics per document, counting how often each was published."""

    def __init__(self) -> None:
        super().__init__()
        self.published: dict[str, int] = {}

    def __setitem__(self, uri, diagnostics) -> None:
        self.published[uri] = self.published.get(uri, 0) + 1
        super().__setitem__(uri, diagnostics)


def server_config(plugin_site: Path | None = None) -> ClientServerConfig:
    """The real server process; with ``plugin_site`` on its path, whose plugins it loads as installed ones."""
    env = dict(ENV)
    if plugin_site is not None:
        del env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"]
        env["PYTHONPATH"] = str(plugin_site)
    return ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"], server_env=env)


async def start(lsp_client: LanguageClient, tmp_path: Path, capabilities: types.ClientCapabilities,
                **options) -> None:
    """Initialize a session with tmp_path as the workspace, as a client with ``capabilities``."""
    lsp_client.diagnostics = CountingDiagnostics()
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)  # the server watches config files
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities,
                                                               root_uri=tmp_path.as_uri(), **options))


@pytest_lsp.fixture(config=server_config())
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, client_capabilities("visual-studio-code"))  # it has diagnostics pushed
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: Path, text: str = ARTICLE) -> str:
    """Save ``text`` as ``path`` and open it in the editor; its URI."""
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    return uri


async def open_article(client: LanguageClient, path: Path, text: str = ARTICLE) -> str:
    """Open a document and wait for the diagnostics pushed to the client."""
    uri = open_document(client, path, text)
    await asyncio.wait_for(published(client, uri), WAIT)
    return uri


def keystrokes(client: LanguageClient, uri: str, text: str, typed: str):
    """Type ``typed`` at the end of the document holding ``text``, one change a character, as an
    editor sends them; yields after each."""
    for version, char in enumerate(typed, start=2):
        end = Utf16Positions(text).position(len(text))
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(*end), types.Position(*end)), text=char)]))
        text += char
        yield


async def published(client: LanguageClient, uri: str) -> None:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return


def run_newslint(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=ENV,
                          check=True).stdout


def cli_diagnostics(path: Path, *flags: str) -> list[tuple]:
    """The CLI's JSON diagnostics of ``path``, as (code, severity, message, LSP range in UTF-16 units)."""
    run = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", *flags, str(path)],
                         capture_output=True, text=True, env=ENV, cwd=path.parent)
    assert run.returncode == 1, run.stderr
    lines = path.read_text(encoding="utf-8").split("\n")

    def utf16(line: int, column: int) -> tuple[int, int]:
        prefix = lines[line - 1][: column - 1]
        return line - 1, len(prefix.encode("utf-16-le")) // 2

    return [(d["code"], d["severity"], d["message"], (*utf16(d["line"], d["column"]), *utf16(d["end_line"], d["end_column"])))
            for d in json.loads(run.stdout)["diagnostics"]]


def shown(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    severity = {types.DiagnosticSeverity.Warning: "warning", types.DiagnosticSeverity.Error: "error",
                types.DiagnosticSeverity.Information: "info"}
    return [(d.code, severity[d.severity], d.message,
             (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character))
            for d in diagnostics]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    positions = Utf16Positions(text)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = positions.offset(edit.range.start.line, edit.range.start.character)
        end = positions.offset(edit.range.end.line, edit.range.end.character)
        text = text[:start] + edit.new_text + text[end:]
    return text


async def code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


async def test_open_gives_the_clis_diagnostics_at_the_same_utf16_positions(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "story.md"
    uri = await open_article(client, path)
    expected = cli_diagnostics(path)
    assert {code for code, *_ in expected} >= {"TYP001", "ATR001", "TYP003", "SEN003"}
    assert shown(client.diagnostics[uri]) == expected
    typo = next(d for d in client.diagnostics[uri] if d.code == "TYP001")
    line = ARTICLE.split("\n")[typo.range.start.line]
    assert line.encode("utf-16-le")[2 * typo.range.start.character: 2 * typo.range.end.character].decode("utf-16-le") == "Teh"
    # The link opens the rule's page (docs/rules/TYP001.md in this checkout), what `newslint rule` prints.
    page = Path(to_fs_path(typo.code_description.href)).read_text(encoding="utf-8")
    assert page.startswith("# TYP001 unknown-word: ") and run_newslint("rule", "TYP001").startswith(page)


async def test_edits_update_the_diagnostics_once_the_writer_pauses(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    before = client.diagnostics.published[uri]
    typed = " Teh end"
    for _ in keystrokes(client, uri, ARTICLE, typed):
        pass
    await asyncio.wait_for(published(client, uri), WAIT)
    await asyncio.sleep(1)  # any further publish of these keystrokes would come in this time
    assert client.diagnostics.published[uri] - before < len(typed) / 2
    typos = [d for d in client.diagnostics[uri] if d.code == "TYP001"]
    assert [d.range.start.line for d in typos] == [2, 5]


async def test_save_lints_again(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    before = client.diagnostics.published[uri]
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await asyncio.wait_for(published(client, uri), WAIT)
    assert client.diagnostics.published[uri] == before + 1


async def test_a_save_while_a_change_waits_lints_once_at_once(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    before = client.diagnostics.published[uri]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=ARTICLE + "Teh end.\n")]))
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await asyncio.wait_for(published(client, uri), WAIT)
    assert [d.range.start.line for d in client.diagnostics[uri] if d.code == "TYP001"] == [2, 5]
    await asyncio.sleep(1)  # the change's own lint, had it not been cancelled, would come in this time
    assert client.diagnostics.published[uri] == before + 1


async def test_quick_fix_changes_the_text_and_unsafe_fixes_say_so(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    repeated = next(d for d in client.diagnostics[uri] if d.code == "TYP003")
    actions = await code_actions(client, uri, repeated)
    fix = next(a for a in actions if a.is_preferred)
    assert "Unsafe" not in fix.title
    fixed = apply_edits(ARTICLE, fix.edit.changes[uri])
    assert "rose the fastest" in fixed and fixed.replace("rose the fastest", "rose the the fastest") == ARTICLE

    glued = next(d for d in client.diagnostics[uri] if d.code == "TYP004")
    unsafe = [a for a in await code_actions(client, uri, glued) if a.title.startswith("Unsafe fix")]
    assert len(unsafe) == 1 and not unsafe[0].is_preferred
    assert "the Syrian army" in apply_edits(ARTICLE, unsafe[0].edit.changes[uri])


async def test_only_quick_fixes_are_offered_and_only_when_asked_for(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    repeated = next(d for d in client.diagnostics[uri] if d.code == "TYP003")
    for only, offered in (([types.CodeActionKind.QuickFix], True), ([types.CodeActionKind.SourceFixAll], False)):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=repeated.range,
            context=types.CodeActionContext(diagnostics=[repeated], only=only)))
        assert bool(actions) is offered and all(a.kind == types.CodeActionKind.QuickFix for a in actions)


async def test_suppress_on_this_line_silences_that_finding_only(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "story.md"
    uri = await open_article(client, path)
    typo = next(d for d in client.diagnostics[uri] if d.code == "TYP001")
    suppress = next(a for a in await code_actions(client, uri, typo) if a.title == "Suppress TYP001 on this line")
    suppressed = apply_edits(ARTICLE, suppress.edit.changes[uri])
    assert "<!-- newslint: disable-next-line TYP001 -->\nThe 𝒻lood" in suppressed
    path.write_text(suppressed, encoding="utf-8")
    codes = [code for code, *_ in cli_diagnostics(path)]
    assert "TYP001" not in codes and "ATR001" in codes and "TYP003" in codes


async def test_hover_on_a_finding_shows_its_rules_documentation(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    figure = next(d for d in client.diagnostics[uri] if d.code == "ATR001")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=figure.range.start))
    assert hover is not None and run_newslint("rule", "ATR001").startswith(hover.contents.value)
    assert hover.range == figure.range
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 0)))
    assert nothing is None


async def test_a_configuration_change_relints_open_documents(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    assert any(d.code == "TYP001" for d in client.diagnostics[uri])
    config = tmp_path / "newslint.toml"
    config.write_text('ignore = ["TYP001"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await asyncio.wait_for(published(client, uri), WAIT)
    codes = {d.code for d in client.diagnostics[uri]}
    assert "TYP001" not in codes and "ATR001" in codes


async def test_a_broken_configuration_is_shown_once_and_survived(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text('select = ["NOPE999"]\n', encoding="utf-8")
    first = await open_article(client, tmp_path / "one.md")
    second = await open_article(client, tmp_path / "two.md")
    errors = [m for m in client.messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and "NOPE999" in errors[0].message
    assert list(client.diagnostics[first]) == [] and list(client.diagnostics[second]) == []


async def test_garbage_is_survived(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    for garbage in (b"{garbage}", b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"nonsense": 1}}',
                    b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": null}'):
        client.protocol.writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(garbage), garbage))
    with pytest.raises(Exception, match="no-such-method"):
        await asyncio.wait_for(client.protocol.send_request_async("newslint/no-such-method", {}), WAIT)
    odd = (tmp_path / "odd.md").as_uri()  # a NUL, a lone surrogate, a bidi override: linted, not a crash
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=odd, language_id="markdown", version=1, text="\x00\ud800 \u202e")))
    await asyncio.wait_for(published(client, odd), WAIT)
    figure = next(d for d in client.diagnostics[uri] if d.code == "ATR001")
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=figure.range.start)), WAIT)
    assert hover is not None and "ATR001" in hover.contents.value
    assert not client.messages  # logged for the editor's log, never a pop-up per bad message
    assert any(m.type == types.MessageType.Error for m in client.log_messages)


async def test_add_to_vocabulary_appends_the_word_and_relints(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text('vocabulary = "vocab.txt"\n', encoding="utf-8")
    vocabulary = tmp_path / "vocab.txt"
    vocabulary.write_text("# house words\nSaraqeb", encoding="utf-8")  # no line end after the last word
    uri = await open_article(client, tmp_path / "story.md")
    typo = next(d for d in client.diagnostics[uri] if d.code == "TYP001")
    add = next(a for a in await code_actions(client, uri, typo) if a.title.startswith('Add "Teh" to the vocabulary'))
    # lsprotocol's client side reads a CodeAction that carries a command as a bare Command (its
    # union hook looks for a "command" key only), so the command it names is in its text here.
    assert "newslint.addToVocabulary" in str(add.command) and "'Teh'" in str(add.command)
    relinted = asyncio.ensure_future(published(client, uri))  # published before the command's answer
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="newslint.addToVocabulary", arguments=[uri, "TYP001", "Teh"]))
    await asyncio.wait_for(relinted, WAIT)
    assert vocabulary.read_text(encoding="utf-8") == "# house words\nSaraqeb\nTeh\n"
    assert not [d for d in client.diagnostics[uri] if d.code == "TYP001"]
    with pytest.raises(Exception, match="not a word"):  # one word a line, never a line of something else
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="newslint.addToVocabulary", arguments=[uri, "TYP001", "river\n/.*/"]))
    assert vocabulary.read_text(encoding="utf-8") == "# house words\nSaraqeb\nTeh\n"


async def test_no_vocabulary_action_without_a_vocabulary_file(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    typo = next(d for d in client.diagnostics[uri] if d.code == "TYP001")
    assert not [a for a in await code_actions(client, uri, typo) if "vocabulary" in a.title]


async def test_saving_the_configuration_in_the_editor_relints(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.newslint]\nignore = ["ATR001"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(
        uri=config.as_uri())))
    await asyncio.wait_for(published(client, uri), WAIT)
    codes = {d.code for d in client.diagnostics[uri]}
    assert "ATR001" not in codes and "TYP001" in codes


BROKEN_PLUGIN_SITE = Path(__file__).parent / "data" / "broken-plugin-site"


@pytest_lsp.fixture(config=server_config(BROKEN_PLUGIN_SITE))
async def client_with_a_broken_plugin(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, client_capabilities("visual-studio-code"))
    yield
    await lsp_client.shutdown_session()


async def test_a_broken_plugin_is_shown_once_and_the_built_in_rules_run(client_with_a_broken_plugin: LanguageClient,
                                                                        tmp_path: Path):
    client = client_with_a_broken_plugin
    first = await open_article(client, tmp_path / "one.md")
    await open_article(client, tmp_path / "two.md")
    errors = [m.message for m in client.messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and "plugin 'broken'" in errors[0] and "missing dependency foo" in errors[0]
    assert {"TYP001", "ATR001"} <= {d.code for d in client.diagnostics[first]}


async def test_without_the_server_extra_one_error_line_and_exit_2():
    no_pygls = "import sys; sys.modules['pygls'] = None; from newslint.cli import main; sys.exit(main(['server']))"
    run = subprocess.run([sys.executable, "-c", no_pygls], capture_output=True, text=True, env=ENV, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith("error: newslint server needs the server extra: pip install 'newslint[server]'")
    assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr


def codes(client: LanguageClient, uri: str) -> set[str]:
    return {d.code for d in client.diagnostics[uri]}


async def settings_changed(client: LanguageClient, settings: dict) -> None:
    """The editor's settings change, as VS Code tells a server: a notification, then the
    server asks for its section (workspace/configuration)."""
    client.set_configuration(settings, section="newslint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))


async def test_editor_settings_apply_over_the_configuration_files(client: LanguageClient, tmp_path: Path):
    (tmp_path / "newslint.toml").write_text('ignore = ["SEN003"]\n', encoding="utf-8")
    path = tmp_path / "story.md"
    uri = await open_article(client, path)
    assert {"TYP001", "ATR001"} <= codes(client, uri) and "SEN003" not in codes(client, uri)

    await settings_changed(client, {"ignore": ["TYP001"]})  # as --ignore TYP001: over the file's
    await asyncio.wait_for(published(client, uri), WAIT)
    assert shown(client.diagnostics[uri]) == cli_diagnostics(path, "--ignore", "TYP001")
    assert "TYP001" not in codes(client, uri) and "SEN003" not in codes(client, uri)

    (tmp_path / "house.toml").write_text('ignore = ["ATR001"]\n', encoding="utf-8")
    await settings_changed(client, {"configuration": "house.toml"})  # as --config house.toml
    await asyncio.wait_for(published(client, uri), WAIT)
    assert shown(client.diagnostics[uri]) == cli_diagnostics(path, "--config", "house.toml")
    assert "ATR001" not in codes(client, uri) and {"TYP001", "SEN003"} <= codes(client, uri)


async def test_bad_editor_settings_are_shown_once(client: LanguageClient, tmp_path: Path):
    uri = await open_article(client, tmp_path / "story.md")
    await settings_changed(client, {"ignore": "TYP001"})
    await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), WAIT)
    await settings_changed(client, {"ignore": "TYP001"})  # the same again: not shown again
    await settings_changed(client, {"select": ["NOPE999"]})  # a rule no configuration knows
    await asyncio.wait_for(published(client, uri), WAIT)
    assert list(client.diagnostics[uri]) == []
    await settings_changed(client, {"configuration": "missing.toml"})
    await asyncio.wait_for(published(client, uri), WAIT)
    assert list(client.diagnostics[uri]) == []
    errors = [m.message for m in client.messages if m.type == types.MessageType.Error]
    assert errors == ["newslint: editor settings: 'ignore': expected a list, got string; the editor's settings "
                      "are not used", "newslint: editor settings: select: unknown rule, prefix or name 'NOPE999'",
                      f"newslint: {tmp_path / 'missing.toml'}: configuration file not found"]


async def test_editor_settings_are_read_as_the_command_lines_flags(monkeypatch):
    monkeypatch.setenv("HOME", "/home/writer")
    monkeypatch.setenv("DESK", "metro")
    settings = editor_settings({"extendSelect": ["SPN002"], "configuration": "~/$DESK/newslint.toml"}, "/work")
    assert settings.overrides.extend_select == ("SPN002",) and settings.overrides.select is None
    assert settings.config_file == "/home/writer/metro/newslint.toml"
    assert editor_settings({"configuration": "house/../newslint.toml"}, "/work").config_file == "/work/newslint.toml"
    assert editor_settings(None, "/work") == editor_settings({}, "/work") == editor_settings({"configuration": ""}, "/")
    with pytest.raises(ConfigError, match="unknown key 'fix' \\(known keys: select, extend-select, ignore, configuration\\)"):
        editor_settings({"fix": True}, "/work")


def pulling_client_capabilities() -> types.ClientCapabilities:
    """Neovim 0.11's capabilities (it pulls diagnostics), and it asks again when told to."""
    capabilities = client_capabilities("neovim@v0.11.0")
    assert capabilities.text_document.diagnostic is not None
    capabilities.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return capabilities


@pytest_lsp.fixture(config=server_config())
async def pulling_client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, pulling_client_capabilities(),
                initialization_options={"ignore": ["SEN003"]})  # Neovim's init_options
    yield
    await lsp_client.shutdown_session()


async def pull(client: LanguageClient, uri: str, previous: str | None = None) -> types.DocumentDiagnosticReport:
    return await asyncio.wait_for(client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous)), WAIT)


async def test_a_client_that_pulls_gets_the_clis_diagnostics_and_none_pushed(pulling_client: LanguageClient,
                                                                          tmp_path: Path):
    client = pulling_client
    path = tmp_path / "story.md"
    uri = open_document(client, path)
    report = await pull(client, uri)
    assert report.kind == "full" and report.result_id
    assert shown(report.items) == cli_diagnostics(path, "--ignore", "SEN003")  # initializationOptions applied
    assert "SEN003" not in {d.code for d in report.items}
    again = await pull(client, uri, previous=report.result_id)
    assert again.kind == "unchanged" and again.result_id == report.result_id
    assert uri not in client.diagnostics  # pulled, never also pushed (the editor would show them twice)


async def test_pulls_while_typing_are_answered_by_one_lint_once_the_writer_pauses(pulling_client: LanguageClient,
                                                                                  tmp_path: Path):
    client = pulling_client
    uri = open_document(client, tmp_path / "story.md")
    requests = []
    for _ in keystrokes(client, uri, ARTICLE, " Teh end"):  # a keystroke, then the editor pulls, as Neovim does
        requests.append(asyncio.ensure_future(pull(client, uri)))
    reports = await asyncio.gather(*requests)
    assert len({report.result_id for report in reports}) == 1  # one lint, of the text as typed
    assert [d.range.start.line for d in reports[-1].items if d.code == "TYP001"] == [2, 5]


async def test_a_configuration_change_asks_a_pulling_client_to_pull_again(pulling_client: LanguageClient,
                                                                          tmp_path: Path):
    client = pulling_client
    uri = open_document(client, tmp_path / "story.md")
    before = await pull(client, uri)
    assert "TYP001" in {d.code for d in before.items}
    config = tmp_path / "newslint.toml"
    config.write_text('ignore = ["TYP001"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    for _ in range(WAIT * 10):
        if client.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.1)
    assert client.diagnostic_refresh_count == 1
    after = await pull(client, uri, previous=before.result_id)
    assert after.kind == "full" and "TYP001" not in {d.code for d in after.items}


CRASHING_PLUGIN_SITE = Path(__file__).parent / "data" / "crashing-plugin-site"


@pytest_lsp.fixture(config=server_config(CRASHING_PLUGIN_SITE))
async def client_with_a_crashing_rule(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, types.ClientCapabilities())
    yield
    await lsp_client.shutdown_session()


async def test_a_rule_that_fails_on_a_document_is_logged_and_the_others_report(
        client_with_a_crashing_rule: LanguageClient, tmp_path: Path):
    client = client_with_a_crashing_rule
    uri = await open_article(client, tmp_path / "story.md", ARTICLE + "\nCRASH\n")
    assert {"TYP001", "ATR001"} <= codes(client, uri)
    logged = [m.message for m in client.log_messages if m.type == types.MessageType.Warning]
    assert len(logged) == 1 and "CRS001" in logged[0] and "the plugin's bug" in logged[0]
    assert not client.messages  # a fault is logged, not a pop-up
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=client.diagnostics[uri][0].range.start)), WAIT)
    assert hover is not None
    assert len([m for m in client.log_messages if m.type == types.MessageType.Warning]) == 1  # linted once


def lsp_message(payload: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


INITIALIZE = {"id": 1, "method": "initialize", "params": {"capabilities": {}, "processId": None, "rootUri": None}}


async def test_a_malformed_request_is_answered_with_an_error(tmp_path: Path):
    """Every request gets an answer, so that the editor never waits for one that never comes."""
    position = {"line": 0, "character": 0}
    messages = [INITIALIZE, {"method": "initialized", "params": {}},
                {"id": 2, "method": "textDocument/hover", "params": {"nonsense": 1}},
                {"id": 3, "method": "textDocument/hover", "params": None},
                {"id": 4, "method": "textDocument/hover", "params": {  # a document the editor has not opened
                    "textDocument": {"uri": (tmp_path / "nowhere.md").as_uri()}, "position": position}},
                {"id": 5, "method": "shutdown"}, {"method": "exit"}]
    run = subprocess.run([sys.executable, "-m", "newslint", "server"], input=b"".join(map(lsp_message, messages)),
                         capture_output=True, env=ENV, cwd=tmp_path, timeout=WAIT * 3)
    answers = {}
    for part in run.stdout.split(b"Content-Length: ")[1:]:
        message = json.loads(part.split(b"\r\n\r\n", 1)[1])
        if "id" in message:
            answers[message["id"]] = message
    assert answers[2]["error"]["code"] == answers[3]["error"]["code"] == -32602  # invalid params
    assert answers[4]["result"] is None and answers[5]["result"] is None
    assert run.returncode == 0


async def test_a_closed_pipe_ends_the_server_quietly(tmp_path: Path):
    """The editor goes away mid-lint (its end of both pipes closed): the server says so in one
    line, writes nothing more and exits 0 when its input ends, with no traceback."""
    server = subprocess.Popen([sys.executable, "-m", "newslint", "server"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=tmp_path)
    uri = (tmp_path / "story.md").as_uri()
    for payload in (INITIALIZE, {"method": "initialized", "params": {}},
                    {"method": "textDocument/didOpen", "params": {"textDocument": {
                        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}}}):
        server.stdin.write(lsp_message(payload))
    server.stdin.flush()
    server.stdout.close()  # before the server has started: every answer it writes meets a closed pipe
    server.stdin.close()
    assert server.wait(timeout=WAIT * 3) == 0
    stderr = server.stderr.read().decode("utf-8")
    server.stderr.close()
    assert "Traceback" not in stderr and "the client closed the connection" in stderr


async def test_the_readmes_editor_snippets_start_the_server_with_settings_it_accepts():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In the editor: `newslint server`", 1)[1].split("\n## ", 1)[0]
    vscode = json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == ["newslint", "server"]
    assert editor_settings(vscode["glspc.server.initializationOptions"], "/").overrides.ignore == ("RDB002",)
    lua = section.split("```lua\n", 1)[1].split("```", 1)[0]
    assert 'cmd = { "newslint", "server" }' in lua and "settings = { newslint = { ignore = { \"RDB002\" } } }" in lua
