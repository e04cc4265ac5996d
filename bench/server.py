"""How fast `newslint server` answers: a 1,000-word article, linted on open and then on each edit saved.

Drives the real server process over stdio with pygls's client, as an editor does, and times
each round trip to the diagnostics published: from didOpen, then from each edit (didChange,
a different sentence each time, so that every lint is a real one: the server lints a text
once) followed by didSave, which lints at once instead of waiting for the writer to pause.
The first includes loading the rule tables; the later ones are what a writer waits for. Then
a code-action request at each diagnostic, which reads the lint already made (what a cursor
move costs). For scale, the same article linted by a fresh `newslint check` process (what an
editor without a server would run on each save).
Run by hand: `.venv/bin/python bench/server.py [--saves N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SOURCES = ("scraped-wire-story.txt", "spun-story-second-spinner.txt")
WORDS = 1000


def article(words: int = WORDS) -> str:
    """Whole lines of the example articles, until there are ``words`` words."""
    lines, count = [], 0
    for name in SOURCES:
        for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
            if count >= words:
                return "\n".join(lines) + "\n"
            lines.append(line)
            count += len(line.split())
    return "\n".join(lines) + "\n"


async def round_trips(path: Path, saves: int) -> tuple[list[float], list[float]]:
    """Seconds from didOpen, then from each edit saved, to the diagnostics published; and the
    seconds of a code-action request at each diagnostic of the last lint."""
    client = LanguageClient("newslint-bench", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params.diagnostics)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params) -> None:
        return None

    await client.start_io(sys.executable, "-m", "newslint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=path.parent.as_uri()))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    times = []
    started = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text=text)))
    diagnostics = await published.get()
    times.append(time.perf_counter() - started)
    for version in range(2, saves + 2):
        edited = text + f"The council met {version} times this year, its clerk said.\n"
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=edited)]))
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
        diagnostics = await published.get()
        times.append(time.perf_counter() - started)
    actions = []
    for diagnostic in diagnostics:
        started = time.perf_counter()
        await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri=uri), diagnostic.range, types.CodeActionContext([diagnostic])))
        actions.append(time.perf_counter() - started)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, actions


def cli_runs(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newslint", "check", "--exit-zero", "-q", str(path)],
                       stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--saves", type=int, default=50, help="saves timed after the first lint (default 50)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(article(), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        (first, *later), actions = asyncio.run(round_trips(path, args.saves))
        cold = cli_runs(path, 5)
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"  # noqa: E731
    print(f"article: {words} words ({', '.join(SOURCES)}); python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"server, first lint (didOpen -> diagnostics, tables loaded): {ms(first)}")
    print(f"server, each later lint (an edit saved -> diagnostics, {len(later)} edits): "
          f"median {ms(statistics.median(later))}, max {ms(max(later))}")
    print(f"server, a code action at a diagnostic (the lint already made, {len(actions)} requests): "
          f"median {ms(statistics.median(actions))}, max {ms(max(actions))}")
    print(f"newslint check in a fresh process, same article (5 runs): median {ms(statistics.median(cold))}")


if __name__ == "__main__":
    main()
