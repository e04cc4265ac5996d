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


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"],
                                              server_env=ENV))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.diagnostics = CountingDiagnostics()
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)  # the server watches config files
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def open_article(client: LanguageClient, path: Path, text: str = ARTICLE) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await asyncio.wait_for(published(client, uri), WAIT)
    return uri


async def published(client: LanguageClient, uri: str) -> None:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return


def run_newslint(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=ENV,
                          check=True).stdout


def cli_diagnostics(path: Path) -> list[tuple]:
    """The CLI's JSON diagnostics of ``path``, as (code, severity, message, LSP range in UTF-16 units)."""
    run = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", str(path)],
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
    text = ARTICLE
    typed = " Teh end"
    for version, char in enumerate(typed, start=2):  # one keystroke a change, as an editor sends them
        end = Utf16Positions(text).position(len(text))
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(*end), types.Position(*end)), text=char)]))
        text += char
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
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=(tmp_path / "empty.md").as_uri(), language_id="markdown", version=1, text="\x00\ud800 \u202e")))
    figure = next(d for d in client.diagnostics[uri] if d.code == "ATR001")
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=figure.range.start)), WAIT)
    assert hover is not None and "ATR001" in hover.contents.value


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


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "newslint", "server"],
    server_env={**{k: v for k, v in ENV.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"},
                "PYTHONPATH": str(BROKEN_PLUGIN_SITE)}))
async def client_with_a_broken_plugin(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()))
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
